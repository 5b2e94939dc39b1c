/** Docusaurus' `@docusaurus/useIsBrowser` as it answers on the server and during hydration. */
export default function useIsBrowser(): boolean {
  return false;
}
