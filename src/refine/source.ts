// Reading the exec TypeScript file: its functions, its imports of kproof/runtime, and the
// functions tagged `/** @refines module.fn */` (optionally `@view fnName`).
import ts from 'typescript';

export interface Tagged {
  readonly fn: ts.FunctionDeclaration;
  readonly name: string;
  /** the spec function as written after @refines */
  readonly target: string;
  readonly targetNode: ts.Node;
  readonly view?: string;
}

export interface ExecSource {
  readonly sf: ts.SourceFile;
  readonly functions: ReadonlyMap<string, ts.FunctionDeclaration>;
  readonly tagged: readonly Tagged[];
  readonly runtimeNames: ReadonlyMap<string, string>;
  readonly runtimeNamespaces: ReadonlySet<string>;
  /** `import { Generated as Local }` of anything but the runtime: Local → Generated */
  readonly importAliases: ReadonlyMap<string, string>;
  /** the file's top-level `const NAME = value` */
  readonly constants: ReadonlyMap<string, ts.VariableDeclaration>;
  /** the file's own `type Name = T` (not generic) */
  readonly typeAliases: ReadonlyMap<string, ts.TypeNode>;
  /** syntax errors, with their offsets */
  readonly syntaxErrors: readonly { readonly start: number; readonly message: string }[];
}

const RUNTIME_SPECIFIER = /(^kproof\/runtime$)|(\/codegen\/runtime(\.js|\.ts)?$)/;

export function readExecSource(file: string, text: string): ExecSource {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const syntaxErrors = syntaxDiagnostics(sf).map((d) => ({ start: d.start ?? 0, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));
  const functions = new Map<string, ts.FunctionDeclaration>();
  const tagged: Tagged[] = [];
  const runtimeNames = new Map<string, string>();
  const runtimeNamespaces = new Set<string>();
  const importAliases = new Map<string, string>();
  const typeAliases = new Map<string, ts.TypeNode>();
  const constants = new Map<string, ts.VariableDeclaration>();
  for (const stmt of sf.statements) {
    if (ts.isVariableStatement(stmt) && (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0) {
      for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) constants.set(d.name.text, d);
    }
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const bindings = stmt.importClause?.namedBindings;
      if (RUNTIME_SPECIFIER.test(stmt.moduleSpecifier.text)) {
        if (bindings && ts.isNamespaceImport(bindings)) runtimeNamespaces.add(bindings.name.text);
        if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) runtimeNames.set(el.name.text, (el.propertyName ?? el.name).text);
      } else if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) if (el.propertyName) importAliases.set(el.name.text, el.propertyName.text);
      }
    }
    if (ts.isTypeAliasDeclaration(stmt) && !stmt.typeParameters) typeAliases.set(stmt.name.text, stmt.type);
    if (!ts.isFunctionDeclaration(stmt) || !stmt.name) continue;
    functions.set(stmt.name.text, stmt);
    let target: { text: string; node: ts.Node } | undefined;
    let view: string | undefined;
    for (const tag of ts.getJSDocTags(stmt)) {
      const comment = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim().split(/\s+/)[0] ?? '';
      if (tag.tagName.text === 'refines') target = { text: comment, node: tag };
      if (tag.tagName.text === 'view') view = comment;
    }
    if (target) tagged.push({ fn: stmt, name: stmt.name.text, target: target.text, targetNode: target.node, ...(view ? { view } : {}) });
  }
  return { sf, functions, tagged, runtimeNames, runtimeNamespaces, importAliases, constants, typeAliases, syntaxErrors };
}

function syntaxDiagnostics(sf: ts.SourceFile): readonly ts.Diagnostic[] {
  const options: ts.CompilerOptions = { noResolve: true, noLib: true, target: ts.ScriptTarget.ES2022 };
  const host = ts.createCompilerHost(options);
  const original = host.getSourceFile.bind(host);
  // the file parsed once, by readExecSource
  host.getSourceFile = (name, version, onError, create) => (name === sf.fileName ? sf : original(name, version, onError, create));
  const program = ts.createProgram({ rootNames: [sf.fileName], options, host });
  const parsed = program.getSourceFile(sf.fileName);
  return parsed ? program.getSyntacticDiagnostics(parsed) : [];
}
