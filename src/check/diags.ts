// A sink for one module's diagnostics.
import { error, type Diagnostic, type DiagnosticCode, type RelatedNote, type Span } from '../diagnostics/index.js';

export class Diags {
  readonly list: Diagnostic[] = [];

  error(code: DiagnosticCode, message: string, span: Span, notes?: readonly RelatedNote[]): void {
    this.list.push(error(code, message, span, notes));
  }

  warning(code: DiagnosticCode, message: string, span: Span): void {
    this.list.push({ code, severity: 'warning', message, span });
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}
