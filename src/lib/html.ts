/**
 * A small DOM view of rendered HTML, on parse5 (the WHATWG parser browsers
 * implement, so text comes out as a browser would show it: entities decoded,
 * CR/LF normalised, omitted end tags closed). Search reads the built pages
 * with it; the hostile-input tests read rendered partials.
 */
import {parse, parseFragment, type DefaultTreeAdapterMap} from 'parse5';

export type HtmlNode = DefaultTreeAdapterMap['node'];
export type HtmlElement = DefaultTreeAdapterMap['element'];

export function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node;
}

/** The children of a parsed fragment (`<template>` contents are not looked into). */
export function parseHtml(html: string): HtmlNode[] {
  return parseFragment(html).childNodes;
}

/** A whole page's nodes (`<html>` and what it holds). */
export function parseHtmlDocument(html: string): HtmlNode[] {
  return parse(html).childNodes;
}

/** The first element named `tagName`, depth first. */
export function findElement(nodes: HtmlNode[], tagName: string): HtmlElement | undefined {
  for (const element of walkElements(nodes)) if (element.tagName === tagName) return element;
  return undefined;
}

export function childNodes(node: HtmlNode): HtmlNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

export function childElements(node: HtmlNode): HtmlElement[] {
  return childNodes(node).filter(isElement);
}

export function attr(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((candidate) => candidate.name === name)?.value;
}

export function hasClass(element: HtmlElement, name: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** Text content, as `Node.textContent` (comments excluded). */
export function textOf(node: HtmlNode | HtmlNode[]): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (node.nodeName === '#comment') return '';
  return childNodes(node).map(textOf).join('');
}

export function* walkElements(nodes: HtmlNode[]): Generator<HtmlElement> {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    yield node;
    yield* walkElements(node.childNodes);
  }
}

/** HTML → its visible text (what a reader or `innerText`-like copy would get, before CSS). */
export function htmlToText(html: string): string {
  return textOf(parseHtml(html));
}
