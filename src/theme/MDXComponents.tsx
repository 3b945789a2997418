import type {ComponentProps} from 'react';
import {useLocation} from '@docusaurus/router';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import useIsBrowser from '@docusaurus/useIsBrowser';
import MDXComponents from '@theme-original/MDXComponents';
import {ConfigFact, ConfigField, ConfigSection} from '@site/src/components/ConfigField';
import DefaultsFile from '@site/src/components/DefaultsFile';
import Release from '@site/src/components/Release';
import {DefaultsPageProvider} from '@site/src/components/DefaultsFile/DefaultsPageProvider';
import {TargetAnchor} from '@site/src/components/ConfigField/actionsShown';
import {PermalinkProvider} from '@site/src/components/ConfigField/permalink';
import {sectionAnchor} from '@site/src/lib/fieldProps';
import {idFromHash} from '@site/src/lib/revealField';

// Field anchors are rendered by ConfigField, not by Docusaurus headings: register
// them so the build's broken-anchor check knows they exist.
function DocsConfigField(props: ComponentProps<typeof ConfigField>) {
  useBrokenLinks().collectAnchor(props.f.anchor);
  return <ConfigField {...props} />;
}

// The generated pages' entry targets (src/remark/entryAnchors.ts): registered like the fields' anchors.
function EntryAnchor({id}: {id: string}) {
  useBrokenLinks().collectAnchor(id);
  return <span id={id} />;
}

function DocsConfigSection(props: ComponentProps<typeof ConfigSection>) {
  useBrokenLinks().collectAnchor(sectionAnchor(props.f));
  // The field the address points at, once the page runs (the server knows no fragment): it shows its full path.
  const {hash} = useLocation();
  const target = useIsBrowser() ? idFromHash(hash) : undefined;
  // Each field's head links to its line on the version's default-values page.
  return (
    <DefaultsPageProvider>
      <PermalinkProvider>
        <TargetAnchor.Provider value={target}>
          <ConfigSection {...props} />
        </TargetAnchor.Provider>
      </PermalinkProvider>
    </DefaultsPageProvider>
  );
}

// The generated partials use these without importing them; pages use `<Release />` the same way.
export default {
  ...MDXComponents,
  ConfigField: DocsConfigField,
  ConfigSection: DocsConfigSection,
  ConfigFact,
  DefaultsFile,
  EntryAnchor,
  Release,
};
