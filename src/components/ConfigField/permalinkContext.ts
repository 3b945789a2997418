import {createContext} from 'react';

/**
 * The permanent pathname of the page a reference is on, base path included, for "Copy link"
 * (./permalink.tsx provides it); undefined where the page's own address is permanent. A module of
 * its own so that ConfigField stays free of Docusaurus's client modules (it also renders outside the site).
 */
export const PermalinkContext = createContext<string | undefined>(undefined);
