/**
 * Wraps the theme's MDX components (swizzled with --wrap) to make the book's
 * own components available in every page without an import.
 */
import MDXComponents from '@theme-original/MDXComponents';
import CheatSheet, {CheatCommand, CheatGroup, CheatRow} from '@site/src/components/CheatSheet';
import CodeBlock from '@theme/CodeBlock';
import CodeCompare from '@site/src/components/CodeCompare';
import Quiz, {QuizQuestion} from '@site/src/components/Quiz';
import RefCard from '@site/src/components/RefCard';
import Sample from '@site/src/components/Sample';

export default {
  ...MDXComponents,
  CheatCommand,
  CheatGroup,
  CheatRow,
  CheatSheet,
  // Every fence, highlighted at build time (src/remark/highlightCode.ts).
  CodeBlock,
  CodeCompare,
  Quiz,
  QuizQuestion,
  RefCard,
  Sample,
};
