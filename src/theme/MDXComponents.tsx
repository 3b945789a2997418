import type {ComponentProps} from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import MDXComponents from '@theme-original/MDXComponents';
import {ConfigFact, ConfigField, ConfigSection} from '@site/src/components/ConfigField';

// Field anchors are rendered by ConfigField, not by Docusaurus headings: register
// them so the build's broken-anchor check knows they exist.
function DocsConfigField(props: ComponentProps<typeof ConfigField>) {
  useBrokenLinks().collectAnchor(props.f.anchor);
  return <ConfigField {...props} />;
}

function DocsConfigSection(props: ComponentProps<typeof ConfigSection>) {
  useBrokenLinks().collectAnchor(props.f.anchor);
  return <ConfigSection {...props} />;
}

// The generated partials use these without importing them.
export default {
  ...MDXComponents,
  ConfigField: DocsConfigField,
  ConfigSection: DocsConfigSection,
  ConfigFact,
};
