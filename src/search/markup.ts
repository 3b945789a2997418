/**
 * The mark on the generated reference in the built HTML: the root element of
 * each partial carries this attribute (src/components/ConfigField), and the
 * search extractor leaves what is inside it to the field index
 * (src/plugins/configSearch/html.ts). Every field renders inside its partial's root.
 */
export const REFERENCE_ATTRIBUTE = 'data-config-reference';
