/**
 * The named transforms of the curated moves (reference/moves.ts
 * `TRANSFORMS`): how a value reshapes, and which files' cases need the
 * reader. Each is the rule the vCluster source applies at the move's tag,
 * as its move's evidence says. Browser-safe.
 */
import {isMap, isScalar, isSeq, YAMLMap, YAMLSeq, type Node, type Pair} from 'yaml';
import type {TransformName} from '../../reference/moves';
import type {Keys} from './edit';
import {code, isOff, isOn, isPlainMap, type Transform, type TransformContext, type TransformVerdict} from './types';

const path = (keys: Keys): string => keys.join('.');
const child = (keys: Keys, ...more: string[]): string[] => [...keys, ...more];

/** Whole seconds as Go's time.Duration prints them: `1h0m0s`, `1m30s`, `45s`. */
export function goDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours) return `${hours}h${minutes}m${rest}s`;
  if (minutes) return `${minutes}m${rest}s`;
  return `${rest}s`;
}

const GO_DURATION = /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/u;

export interface ImageRef {
  registry?: string;
  repository: string;
  tag?: string;
}

/** An image reference split as vCluster's ParseImageRef does (config/default_extra_values.go, from 0.27.0). */
export function parseImageRef(ref: string): ImageRef {
  const image: ImageRef = {repository: ''};
  const repoAndTag = (text: string) => {
    const at = text.indexOf(':');
    image.repository = at < 0 ? text : text.slice(0, at);
    if (at >= 0) image.tag = text.slice(at + 1);
    image.repository = image.repository.replace(/^library\//u, '');
  };
  const slash = ref.indexOf('/');
  if (slash < 0) repoAndTag(ref);
  else if (/[.:]/u.test(ref.slice(0, slash))) {
    image.registry = ref.slice(0, slash);
    repoAndTag(ref.slice(slash + 1));
  } else repoAndTag(ref);
  return image;
}

/** An image object with only the parts that are set. */
const imageObject = (image: ImageRef): Record<string, string> => ({...(image.registry ? {registry: image.registry} : {}), repository: image.repository, ...(image.tag ? {tag: image.tag} : {})});

const secondsToDuration: Transform = {
  reshape({editor, step, params}) {
    const keys = child(step.to!, String(params.field));
    const value = editor.value(keys);
    if (value === undefined) return {};
    if (typeof value === 'number' && Number.isInteger(value)) {
      if (value > 0) editor.set(keys, goDuration(value));
      else editor.delete(keys);
      return {};
    }
    if (typeof value === 'string' && GO_DURATION.test(value)) return {};
    return {manual: [`${code(path(keys))} is ${JSON.stringify(value)}, neither whole seconds nor a duration: write it as a duration such as \`1h\`.`]};
  },
};

const imageStringToObject: Transform = {
  check({editor, step}) {
    const value = editor.value(step.from[0]);
    if (typeof value !== 'string') return {skip: true};
    if (value.includes('@')) return {manual: [`The image ${code(value)} names a digest, which the object form cannot hold as such: write its registry, repository and tag by hand.`]};
    return {};
  },
  reshape({editor, step, params}) {
    const value = editor.value(step.to!) as string;
    if (value === params.oldDefault) {
      editor.delete(step.to!);
      return {notes: [`${code(value)} was the old default; the new default image applies.`]};
    }
    const image = parseImageRef(value);
    // Without a registry the string meant Docker Hub; the object's own default registry is another one.
    editor.replace(step.to!, editor.doc.createNode(imageObject({registry: 'docker.io', ...image})) as Node);
    return {};
  },
};

const COMPONENTS = ['apiServer', 'controllerManager', 'scheduler'] as const;

const componentImagesToSingleImage: Transform = {
  apply(context) {
    const {editor, step, fileRelease, defaultAt} = context;
    const manual: string[] = [];
    const tags = new Set<string>();
    step.from.forEach((keys, i) => {
      const image = editor.value(keys);
      if (!isPlainMap(image)) return;
      const field = `controlPlane.distro.k8s.${COMPONENTS[i]}.image`;
      for (const part of ['registry', 'repository'] as const) {
        const value = image[part];
        if (value !== undefined && value !== '' && value !== defaultAt(fileRelease, `${field}.${part}`)) {
          manual.push(`${code(`${path(keys)}.${part}`)} is ${code(String(value))}: from 0.25.0 the control plane runs one image, \`ghcr.io/loft-sh/kubernetes\`; mirror that image and set ${code('controlPlane.distro.k8s.image')} yourself.`);
        }
      }
      const tag = image.tag;
      if (tag !== undefined && tag !== '' && tag !== defaultAt(fileRelease, `${field}.tag`)) tags.add(String(tag));
    });
    if (tags.size > 1) manual.push(`The components run different tags (${[...tags].map(code).join(', ')}); one image needs one tag: choose it.`);
    const version = editor.value(['controlPlane', 'distro', 'k8s', 'version']);
    if (typeof version === 'string' && version && tags.size === 1 && !tags.has(version)) {
      manual.push(`${code('controlPlane.distro.k8s.version')} (${code(version)}) and the component tag (${code([...tags][0])}) differ: up to 0.24 the tag won, from 0.25.0 the version does. Keep one.`);
    }
    if (manual.length) return {kept: true, manual};
    let holes: ReturnType<typeof editor.detach> | undefined;
    for (const keys of step.from) {
      const detached = editor.detach(keys);
      holes ??= detached;
    }
    if (tags.size === 1) editor.set(child(step.to!, 'tag'), [...tags][0], {near: step.from[0], holes: holes?.holes});
    return {};
  },
};

const firstNonEmptyAllEqual: Transform = {
  apply({editor, step}) {
    const values = step.from.map((keys) => editor.value(keys)).filter((value) => value !== undefined && value !== null && value !== '');
    const distinct = [...new Set(values.map((value) => JSON.stringify(value)))];
    if (distinct.length > 1) return {kept: true, manual: [`The keys hold different values (${distinct.map(code).join(', ')}); ${code(path(step.to!))} takes one: choose it.`]};
    let detached: ReturnType<typeof editor.detach> | undefined;
    for (const keys of step.from) detached = editor.detach(keys) ?? detached;
    if (distinct.length === 1) editor.set(step.to!, JSON.parse(distinct[0]), {near: step.from[0], holes: detached?.holes});
    return {};
  },
};

const secretToAdditionalSecret: Transform = {
  apply({editor, step, params}) {
    const secret = editor.value(step.from[0]);
    const parent = step.from[0].slice(0, -1);
    const set = isPlainMap(secret) && [secret.name, secret.namespace].some((value) => typeof value === 'string' && value.trim() !== '');
    const existing = editor.value(step.to!);
    if (set && Array.isArray(existing) && existing.length) {
      return {kept: true, manual: [`Both ${code(path(step.from[0]))} and ${code(path(step.to!))} are set, which the chart refuses: add the secret to the list yourself.`]};
    }
    const detached = editor.detach(step.from[0]);
    if (!set) return {notes: ['The secret named neither a name nor a namespace, so it did nothing; it is removed.']};
    const item: Record<string, unknown> = {};
    for (const key of ['name', 'namespace'] as const) if (typeof secret[key] === 'string' && secret[key] !== '') item[key] = secret[key];
    for (const key of (params.copy as string[] | undefined) ?? []) {
      const value = editor.value([...parent, key]);
      if (value !== undefined && value !== null && value !== '' && !(isPlainMap(value) && !Object.keys(value).length)) item[key] = value;
    }
    editor.set(step.to!, [item], {near: step.from[0], holes: detached?.holes});
    return {};
  },
};

const groupPoolsByProvider: Transform = {
  check({editor, step}) {
    const node = editor.node(step.from[0]);
    if (!isMap(node)) return {skip: true};
    const manual: string[] = [];
    for (const pair of node.items as Array<Pair<Node, Node>>) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key !== 'static' && key !== 'dynamic') {
        manual.push(`${code(`${path(step.from[0])}.${key}`)} has no place in the list form: move it by hand.`);
        continue;
      }
      if (pair.value !== null && !isSeq(pair.value)) manual.push(`${code(`${path(step.from[0])}.${key}`)} is not a list of pools.`);
      for (const pool of isSeq(pair.value) ? pair.value.items : []) {
        const provider = isMap(pool) ? pool.get('provider') : undefined;
        if (typeof provider !== 'string' || !provider) manual.push(`A pool in ${code(`${path(step.from[0])}.${key}`)} names no provider, which each item of the new list needs: add one.`);
      }
    }
    return manual.length ? {manual} : {};
  },
  apply({editor, step}) {
    const node = editor.node(step.from[0]) as YAMLMap;
    const groups = new Map<string, {static: Node[]; dynamic: Node[]}>();
    for (const kind of ['static', 'dynamic'] as const) {
      const pools = node.get(kind, true);
      for (const pool of isSeq(pools) ? (pools.items as YAMLMap[]) : []) {
        const provider = String(pool.get('provider'));
        pool.delete('provider');
        const requirements = pool.items.find((pair) => isScalar(pair.key) && pair.key.value === 'requirements');
        if (requirements && isScalar(requirements.key)) requirements.key.value = 'nodeTypeSelector';
        if (!groups.has(provider)) groups.set(provider, {static: [], dynamic: []});
        groups.get(provider)![kind].push(pool);
      }
    }
    const list = new YAMLSeq();
    for (const [provider, pools] of groups) {
      const item = new YAMLMap();
      item.add(editor.pair('provider', provider));
      for (const kind of ['static', 'dynamic'] as const) {
        if (!pools[kind].length) continue;
        const seq = new YAMLSeq();
        seq.items.push(...pools[kind]);
        item.add(editor.pair(kind, seq));
      }
      list.items.push(item);
    }
    editor.replace(step.from[0], list);
    return {};
  },
};

const requireNamespaceMappings: Transform = {
  check({editor, step}) {
    const value = editor.value(step.from[0]);
    if (isPlainMap(value) && isOn(value.enabled)) return {manual: [`The multi-namespace mode is on; its successor needs ${code('sync.toHost.namespaces.mappings.byName')} and a new vCluster.`]};
    return {};
  },
  apply({editor, step}) {
    editor.delete(step.from[0]);
    return {};
  },
};

/** Whether the file's distro (as vCluster's Config.Distro decides) is k8s: neither k3s nor k0s enabled. */
export function runsK8sDistro(value: (keys: Keys) => unknown): boolean {
  return value(['controlPlane', 'distro', 'k3s', 'enabled']) !== true && value(['controlPlane', 'distro', 'k0s', 'enabled']) !== true;
}

/** The store vCluster picks: an etcd, an external database or the embedded one (config.go BackingStoreType). */
export function usesEmbeddedDatabase(value: (keys: Keys) => unknown): boolean {
  const store = ['controlPlane', 'backingStore'];
  return ![
    [...store, 'etcd', 'embedded', 'enabled'],
    [...store, 'etcd', 'deploy', 'enabled'],
    [...store, 'etcd', 'external', 'enabled'],
    [...store, 'database', 'external', 'enabled'],
  ].some((keys) => value(keys) === true);
}

const externalDataSourceEnabled: Transform = {
  check({editor}) {
    const value = (keys: Keys) => editor.value(keys);
    const dataSource = value(['controlPlane', 'backingStore', 'database', 'external', 'dataSource']);
    if (typeof dataSource !== 'string' || !dataSource || !runsK8sDistro(value) || !usesEmbeddedDatabase(value)) return {skip: true};
    return {manual: ['The external data source is set without `enabled: true`: up to 0.24.1 the control plane used it anyway, from 0.25.0 it starts on a new SQLite file.']};
  },
};

const K3S_ONLY = ['command', 'extraArgs', 'token'] as const;
const K3S_TO_K8S = ['env', 'resources', 'securityContext', 'imagePullPolicy'] as const;

/** A k3s image tag without its k3s suffix: `v1.32.1-k3s1` → `v1.32.1`. */
export function k8sTagOf(k3sTag: string): string {
  return k3sTag.replace(/[-+]k3s\d+$/u, '');
}

const k3sToK8s: Transform = {
  apply({editor, step, fileRelease, defaultAt}) {
    const k3s = step.from[0];
    const k8s = step.to!;
    const block = editor.value(k3s);
    if (!isPlainMap(block) || block.enabled !== true) {
      editor.delete(k3s);
      return {notes: ['The k3s distro was not enabled, so its settings did nothing; they are removed.']};
    }
    const manual: string[] = [];
    const notes: string[] = [];
    const k8sBlock = editor.value(k8s);
    if (isPlainMap(k8sBlock) && Object.entries(k8sBlock).some(([key, value]) => key !== 'enabled' && isOn(value))) {
      return {kept: true, manual: [`Both ${code(path(k3s))} and ${code(path(k8s))} hold settings: merge them into the k8s block by hand.`]};
    }
    for (const key of K3S_ONLY) {
      if (isOn(block[key])) manual.push(`${code(`${path(k3s)}.${key}`)} is a k3s server setting with no k8s counterpart: rewrite what it did as \`controlPlane.distro.k8s.apiServer\`, \`controllerManager\` or \`scheduler\` \`extraArgs\`, then delete it.`);
    }
    const k3sVariables = (Array.isArray(block.env) ? block.env : []).flatMap((variable) => (isPlainMap(variable) && typeof variable.name === 'string' && variable.name.startsWith('K3S_') ? [variable.name] : []));
    if (k3sVariables.length) {
      manual.push(`${code(`${path(k3s)}.env`)} sets ${k3sVariables.map(code).join(', ')}, which only k3s reads; say it the k8s way (an external datastore, for one, is \`controlPlane.backingStore.database.external\`) and drop them from ${code(`${path(k8s)}.env`)}.`);
    }
    editor.set(child(k8s, 'enabled'), true, {near: k3s});
    for (const key of K3S_TO_K8S) {
      if (block[key] === undefined) continue;
      const detached = editor.detach(child(k3s, key));
      if (detached) editor.attach(child(k8s, key), detached.pair, {near: k3s});
    }
    const image = block.image;
    if (isPlainMap(image)) {
      let ownImage = false;
      for (const part of ['registry', 'repository'] as const) {
        const value = image[part];
        if (value !== undefined && value !== '' && value !== defaultAt(fileRelease, `controlPlane.distro.k3s.image.${part}`)) {
          ownImage = true;
          manual.push(`${code(`${path(k3s)}.image.${part}`)} is ${code(String(value))}: the k8s distro runs \`ghcr.io/loft-sh/kubernetes\`; mirror that image and set ${code(`${path(k8s)}.image`)} yourself.`);
        }
      }
      if (typeof image.tag === 'string' && image.tag) editor.set(child(k8s, 'image', 'tag'), k8sTagOf(image.tag), {near: k3s});
      if (!ownImage) editor.delete(child(k3s, 'image'));
    } else {
      const defaultTag = defaultAt(fileRelease, 'controlPlane.distro.k3s.image.tag');
      if (typeof defaultTag === 'string') notes.push(`The k3s distro ran its default image at ${fileRelease}, Kubernetes ${code(k8sTagOf(defaultTag))}; set ${code(`${path(k8s)}.image.tag`)} to keep that version rather than take the new release's default.`);
    }
    editor.delete(child(k3s, 'enabled'));
    // What is left of the k3s block needs the reader; an empty one goes.
    if (!editor.keysAt(k3s).length) editor.delete(k3s);
    return {...(manual.length ? {manual} : {}), ...(notes.length ? {notes} : {})};
  },
};

const dropEnabledWhenTrue: Transform = {
  check({editor, step}) {
    const value = editor.value(step.from[0]);
    if (!isPlainMap(value)) return {};
    if (value.enabled === true) return {};
    return {manual: [`${code(`${path(step.from[0])}.enabled`)} is ${value.enabled === undefined ? 'not set' : code(String(value.enabled))}, and the new form has no switch: keep the block only if it should be active.`]};
  },
  reshape({editor, step}) {
    editor.delete(child(step.to!, 'enabled'));
    return {};
  },
};

const schedulerWithK8sDistro: Transform = {
  check({editor}) {
    return runsK8sDistro((keys) => editor.value(keys)) ? {} : {skip: true};
  },
  apply({editor, step}) {
    const on = editor.value(step.from[0]) === true;
    const existing = editor.value(step.to!);
    if (on && existing === false) return {kept: true, manual: [`${code(path(step.from[0]))} is true and ${code(path(step.to!))} is false: keep one of them.`]};
    const detached = editor.detach(step.from[0]);
    if (on && existing !== true) editor.set(step.to!, true, {near: step.from[0], holes: detached?.holes});
    return {};
  },
};

const manualIf: Transform = {
  check({editor, step, params}) {
    const value = editor.value(step.from[0]);
    const needsReader = params.value === 'off' ? isOff(value) : isOn(value);
    return needsReader ? {manual: [step.move.manualWhen ? `${code(path(step.from[0]))}: ${step.move.manualWhen}.` : `${code(path(step.from[0]))} is set.`]} : {};
  },
};

export const TRANSFORM_IMPLEMENTATIONS: Record<TransformName, Transform> = {
  secondsToDuration,
  imageStringToObject,
  componentImagesToSingleImage,
  firstNonEmptyAllEqual,
  secretToAdditionalSecret,
  groupPoolsByProvider,
  requireNamespaceMappings,
  externalDataSourceEnabled,
  k3sToK8s,
  dropEnabledWhenTrue,
  schedulerWithK8sDistro,
  manualIf,
};

export type {TransformContext, TransformVerdict};
