// The flowc extension: starts `flowc lsp` (the setting flowc.path) for
// .flow files; the language server does the rest.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('flowc').get('path') || 'flowc';
  client = new LanguageClient('flowc', 'flowc', { command, args: ['lsp'] }, {
    documentSelector: [{ scheme: 'file', language: 'flow' }, { scheme: 'untitled', language: 'flow' }],
  });
  client.start();
  context.subscriptions.push(client);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
