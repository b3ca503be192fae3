/** @jsxRuntime automatic */
import { Component, type ReactNode } from 'react';

/**
 * Keeps one broken page from blanking the whole app: the shell (navigation, alerts) stays usable and the page
 * says what went wrong. `resetKey` changing (another route) clears the error.
 */
export class ErrorBoundary extends Component<
  {
    readonly children: ReactNode;
    readonly resetKey: string;
    readonly render: (message: string, retry: () => void) => ReactNode;
  },
  { readonly error: Error | null; readonly key: string }
> {
  override state: { readonly error: Error | null; readonly key: string } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { key: string },
  ): { error: null; key: string } | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return this.props.render(this.state.error.message, () => this.setState({ error: null }));
  }
}
