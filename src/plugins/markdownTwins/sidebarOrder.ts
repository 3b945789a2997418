/** The order readers meet a version's docs in: its sidebars, depth first (a category's own page before its items). */

/** What this reads of the docs plugin's sidebars: items with a doc `id`, categories with a doc `link` and `items`. */
interface SidebarNode {
  type: string;
  id?: string;
  link?: {type: string; id?: string};
  items?: SidebarNode[];
}

/** Doc id → its position in the sidebars. */
export function sidebarOrder(sidebars: Record<string, readonly unknown[]>): Map<string, number> {
  const order = new Map<string, number>();
  const add = (id: string | undefined) => {
    if (id !== undefined && !order.has(id)) order.set(id, order.size);
  };
  const visit = (items: readonly SidebarNode[]) => {
    for (const item of items) {
      if (item.type === 'doc' || item.type === 'ref') add(item.id);
      if (item.link?.type === 'doc') add(item.link.id);
      if (item.items) visit(item.items);
    }
  };
  for (const sidebar of Object.values(sidebars)) visit(sidebar as SidebarNode[]);
  return order;
}
