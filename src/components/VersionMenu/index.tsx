/**
 * The version menu (the navbar's, through src/theme/NavbarItem/DocsVersionDropdownNavbarItem): the supported releases, then the archived ones (past
 * their end of life), each entry naming the exact release it documents and
 * leading to the same page in that release when it has it, else to its
 * overview. Written here rather than wrapped because the theme's menu lists
 * one flat group and takes its button label from the versions it lists.
 */
import type {ReactNode} from 'react';
import {useLocation} from '@docusaurus/router';
import {useActiveDocContext, useDocsPreferredVersion, useDocsVersionCandidates, useVersions, type GlobalVersion} from '@docusaurus/plugin-content-docs/client';
import DropdownNavbarItem from '@theme/NavbarItem/DropdownNavbarItem';
import type {Props} from '@theme/NavbarItem/DocsVersionDropdownNavbarItem';
import {useReleaseGroups} from '../../lib/releaseGroups';

const groupHeader = (text: string) => ({type: 'html' as const, value: `<span class="version-menu__group">${text}</span>`, className: 'version-menu__header'});

export default function GroupedVersionMenu({mobile, docsPluginId, dropdownActiveClassDisabled, dropdownItemsBefore, dropdownItemsAfter, versions: _configs, ...props}: Props): ReactNode {
  const {search, hash} = useLocation();
  const groups = useReleaseGroups();
  const versions = useVersions(docsPluginId);
  const active = useActiveDocContext(docsPluginId);
  const [displayed = versions[0]] = useDocsVersionCandidates(docsPluginId);
  const {savePreferredVersionName} = useDocsPreferredVersion(docsPluginId);
  // The same page in the other release, or its overview.
  const target = (version: GlobalVersion) => active.alternateDocVersions[version.name] ?? version.docs.find((doc) => doc.id === version.mainDocId)!;
  const link = (version: GlobalVersion) => ({
    label: version.label,
    to: `${target(version).path}${search}${hash}`,
    isActive: () => version === active.activeVersion,
    onClick: () => savePreferredVersionName(version.name),
  });
  // The releases this build serves (DOCS_VERSIONS may leave some out), in each group's order.
  const group = (labels: readonly string[]) => labels.flatMap((label) => versions.filter((version) => version.label === label)).map(link);
  const [supported, archived] = [group(groups.supported), group(groups.archived)];
  const grouped = supported.length && archived.length ? [groupHeader('Supported'), ...supported, groupHeader('Archived: past end of life'), ...archived] : [...supported, ...archived];
  const items = [...dropdownItemsBefore, ...grouped, ...dropdownItemsAfter];
  return (
    <DropdownNavbarItem
      {...props}
      mobile={mobile}
      label={mobile ? 'Versions' : displayed.label}
      to={mobile ? undefined : target(displayed).path}
      items={items}
      isActive={dropdownActiveClassDisabled ? () => false : undefined}
    />
  );
}
