// The kproof VS Code extension: starts `kproof lsp` and shows what it reports. Plain CommonJS,
// so it runs without a build step.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.TextEditorDecorationType | undefined} */
let provedDecoration;
/** @type {vscode.TextEditorDecorationType | undefined} */
let failedDecoration;
/** uri → the last `kproof/theoremStatus` items */
const statuses = new Map();

/** The workspace's own kproof, else the configured path, else `kproof` on the PATH. */
function serverCommand() {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'kproof.cmd' : 'kproof');
    if (fs.existsSync(local)) return local;
  }
  const configured = vscode.workspace.getConfiguration('kproof').get('path');
  return typeof configured === 'string' && configured !== '' ? configured : 'kproof';
}

function startClient(context) {
  const command = serverCommand();
  const serverOptions = {
    run: { command, args: ['lsp', '--stdio'], transport: TransportKind.stdio },
    debug: { command, args: ['lsp', '--stdio'], transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'kspec' }, { scheme: 'untitled', language: 'kspec' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.kspec') },
    initializationOptions: { include: vscode.workspace.getConfiguration('kproof').get('include') ?? [] },
    outputChannelName: 'kproof',
  };
  client = new LanguageClient('kproof', 'kproof', serverOptions, clientOptions);
  client.onNotification('kproof/theoremStatus', (params) => {
    statuses.set(params.uri, params.theorems);
    paint();
  });
  client.onNotification('kproof/modelCheckResult', (params) => {
    const summary = params.models.map((m) => `${m.model}: ${m.status}`).join(', ');
    void vscode.window.showInformationMessage(`kproof model check — ${summary || 'no model'}`);
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

/** ✓ / ✗ after each theorem's name, from the last status the server sent. */
function paint() {
  for (const editor of vscode.window.visibleTextEditors) {
    const items = statuses.get(editor.document.uri.toString()) ?? [];
    const toRange = (r) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const label = (t) => `${t.status}${t.modelCheck ? `, model check: ${t.modelCheck}` : ''}`;
    editor.setDecorations(provedDecoration, items.filter((t) => t.status === 'proved').map((t) => ({ range: toRange(t.range), hoverMessage: label(t), renderOptions: { after: { contentText: ' ✓' } } })));
    editor.setDecorations(failedDecoration, items.filter((t) => t.status !== 'proved').map((t) => ({ range: toRange(t.range), hoverMessage: label(t), renderOptions: { after: { contentText: t.status === 'pending' ? ' …' : ' ✗' } } })));
  }
}

async function runOnActiveFile(serverCommandName) {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'kspec' || !client) {
    void vscode.window.showWarningMessage('kproof: open a .kspec file first');
    return;
  }
  await editor.document.save();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: serverCommandName === 'kproof.verify' ? 'kproof: verifying…' : 'kproof: model checking…' },
    () => client.sendRequest('workspace/executeCommand', { command: serverCommandName, arguments: [editor.document.uri.toString()] }),
  );
  if (result && result.error) {
    void vscode.window.showErrorMessage(`kproof: ${result.error}`);
  } else if (result && result.theorems) {
    const failed = result.theorems.filter((t) => t.status !== 'proved');
    void vscode.window.showInformationMessage(failed.length === 0 ? `kproof: ${result.theorems.length} theorem(s) proved` : `kproof: not proved: ${failed.map((t) => t.name).join(', ')}`);
  }
}

function activate(context) {
  provedDecoration = vscode.window.createTextEditorDecorationType({ after: { color: new vscode.ThemeColor('testing.iconPassed') } });
  failedDecoration = vscode.window.createTextEditorDecorationType({ after: { color: new vscode.ThemeColor('testing.iconFailed') } });
  context.subscriptions.push(
    provedDecoration,
    failedDecoration,
    vscode.commands.registerCommand('kproof.verifyFile', () => runOnActiveFile('kproof.verify')),
    vscode.commands.registerCommand('kproof.modelCheckFile', () => runOnActiveFile('kproof.modelCheck')),
    vscode.commands.registerCommand('kproof.restartServer', async () => {
      if (client) await client.stop();
      await startClient(context);
    }),
    vscode.window.onDidChangeVisibleTextEditors(paint),
  );
  return startClient(context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
