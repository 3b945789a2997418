/**
 * The documented releases by standing (src/siteVersions.ts `releaseGroups`,
 * passed in the site config): what the version menu and the banners show.
 */
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type {ReleaseGroups} from '../siteVersions';

export function useReleaseGroups(): ReleaseGroups {
  return useDocusaurusContext().siteConfig.customFields!.releases as ReleaseGroups;
}
