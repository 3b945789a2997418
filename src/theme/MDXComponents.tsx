import type {ComponentProps} from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import MDXComponents from '@theme-original/MDXComponents';
import {ConfigFact, ConfigField, ConfigSection} from '@site/src/components/ConfigField';
import DefaultsFile from '@site/src/components/DefaultsFile';
import Release from '@site/src/components/Release';
import {DefaultsPageProvider} from '@site/src/components/DefaultsFile/DefaultsPageProvider';
import {sectionAnchor} from '@site/src/lib/fieldProps';

// Field anchors are rendered by ConfigField, not by Docusaurus headings: register
// them so the build's broken-anchor check knows they exist.
function DocsConfigField(props: ComponentProps<typeof ConfigField>) {
  useBrokenLinks().collectAnchor(props.f.anchor);
  return <ConfigField {...props} />;
}

function DocsConfigSection(props: ComponentProps<typeof ConfigSection>) {
  useBrokenLinks().collectAnchor(sectionAnchor(props.f));
  // Each field's head links to its line on the version's default-values page.
  return (
    <DefaultsPageProvider>
      <ConfigSection {...props} />
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
  Release,
};
