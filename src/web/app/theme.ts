import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

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

/*
 * Mantine's "light", "outline" and "subtle" variants write text in shade 6 of a colour,
 * which on a tinted background is 2–4:1 for teal, green, orange or red. Text in these
 * variants uses a darkened shade 9 instead (shade 8 of UN blue), which is above 4.5:1.
 */
const TINTED_VARIANTS = new Set(['light', 'outline', 'subtle', 'transparent', 'default-light']);

const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  if (!input.variant || !TINTED_VARIANTS.has(input.variant)) return defaults;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const shades = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!shades) return defaults;
  const text = parsed.color === 'un' ? shades[8] : darken(shades[9], 0.2);
  return {
    ...defaults,
    color: text,
    hoverColor: text,
    border: input.variant === 'outline' ? `1px solid ${text}` : defaults.border,
  };
};

export const theme = createTheme({
  variantColorResolver,
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
  // People who ask their system for less motion get no transitions (WCAG 2.3.3).
  respectReducedMotion: true,
  cursorType: 'pointer',
  black: '#1b2631',
  components: {
    // Links are underlined so that they stand out from text by more than colour (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
    Table: { defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm' } },
    Modal: { styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } } },
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
