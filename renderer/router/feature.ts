import { createElement, type ComponentType, type ReactElement } from 'react';
import type HomeOutlined from '@mui/icons-material/HomeOutlined';
import type { SessionInfoData } from '../../shared/contracts/auth';

/** A section of the navigation drawer (and a card on the home page). */
export interface NavItem {
  path: string;
  label: string;
  /** One line for the home page card. */
  summary: string;
  icon: typeof HomeOutlined;
  visible: (session: SessionInfoData) => boolean;
  /** Place in the drawer, lowest first: features leave gaps so a new one fits between. */
  order: number;
  /** Other address prefixes that belong to this section. */
  also?: string[];
}

/** What every page receives besides its own address parameters. */
export interface PageProps {
  session: SessionInfoData;
  /** The sections this session sees (the home page lists them). */
  sections: readonly NavItem[];
}

/** One or more addresses and the page they show: `render` is null for an address not its own. */
export interface Route {
  render(path: string, props: PageProps): ReactElement | null;
}

/**
 * A route from a matcher (address → the page's parameters, or null) and the page. The page's
 * props are checked against what the matcher gives it plus `PageProps`.
 */
export function route<P extends object>(match: (path: string) => P | null, Page: ComponentType<P & PageProps>): Route {
  return {
    render(path, props) {
      const params = match(path);
      return params ? createElement(Page, { ...params, ...props }) : null;
    },
  };
}

/** A matcher for fixed addresses, each with its page's parameters. */
export function exact<P extends object>(paths: Readonly<Record<string, P>>): (path: string) => P | null {
  return (path) => (Object.hasOwn(paths, path) ? (paths[path] ?? null) : null);
}

/** What a feature hands the shell: its addresses and its sections of the drawer. */
export interface FeatureRegistration {
  routes: readonly Route[];
  nav: readonly NavItem[];
}
