import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/*
 * UN blue (#009EDB) is shade 5. It is too light for text on white (3.0:1), so text, links
 * and filled buttons use shade 7 (#006A9A, 5.9:1) and darker, which keeps WCAG AA contrast.
 */
const unBlue: MantineColorsTuple = [
  '#e6f5fc',
  '#cdeaf8',
  '#9fd5f1',
  '#6ebfe9',
  '#3fa9e1',
  '#009edb',
  '#0081b8',
  '#006a9a',
  '#00577f',
  '#004466',
];

const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Liberation Sans"',
  'Arial',
  '"Noto Sans Arabic"',
  '"Noto Naskh Arabic"',
  '"Noto Sans CJK SC"',
  '"Microsoft YaHei"',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'un',
  primaryShade: 7,
  colors: { un: unBlue },
  fontFamily: FONT_STACK,
  headings: {
    fontFamily: FONT_STACK,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.3' },
      h2: { fontSize: '1.35rem', lineHeight: '1.35' },
      h3: { fontSize: '1.1rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  black: '#1b2631',
  components: {
    Anchor: { defaultProps: { underline: 'hover' } },
    Table: { defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm' } },
  },
});

/** Mantine's default "dimmed" grey is 3.3:1 on white; this one is 5.9:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c6670',
    '--mantine-color-placeholder': '#6b7580',
  },
  dark: {},
});
