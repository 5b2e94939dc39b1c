/**
 * Wraps the theme's MDX components (swizzled with --wrap) to make the book's
 * own components available in every page without an import.
 */
import MDXComponents from '@theme-original/MDXComponents';
import CodeCompare from '@site/src/components/CodeCompare';
import Quiz, {QuizQuestion} from '@site/src/components/Quiz';
import RefCard from '@site/src/components/RefCard';
import Sample from '@site/src/components/Sample';

export default {
  ...MDXComponents,
  CodeCompare,
  Quiz,
  QuizQuestion,
  RefCard,
  Sample,
};
