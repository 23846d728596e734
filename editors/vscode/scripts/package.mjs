// Builds editors/vscode/kproof-vscode-<version>.vsix: a zip holding [Content_Types].xml,
// extension.vsixmanifest and the extension under extension/ (the layout `vsce package` writes).
// The TextMate grammar is copied from grammar/ and vscode-languageclient is installed into
// editors/vscode/node_modules first; `--skip-deps` leaves node_modules out (for tests).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(extensionDir, '../..');
const skipDeps = process.argv.includes('--skip-deps');
const outArg = process.argv.find((a) => a.startsWith('--out='));

const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));

function copyGrammar() {
  const dir = path.join(extensionDir, 'syntaxes');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'grammar/kspec.tmLanguage.json'), path.join(dir, 'kspec.tmLanguage.json'));
}

function installDependencies() {
  if (fs.existsSync(path.join(extensionDir, 'node_modules/vscode-languageclient/package.json'))) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock', '--no-audit', '--no-fund'], { cwd: extensionDir, stdio: 'inherit' });
}

/** Files of the extension, relative to its folder. */
function extensionFiles() {
  const files = ['package.json', 'extension.js', 'language-configuration.json', 'README.md', 'syntaxes/kspec.tmLanguage.json'];
  if (!skipDeps) {
    const walk = (rel) => {
      for (const e of fs.readdirSync(path.join(extensionDir, rel), { withFileTypes: true })) {
        const child = path.posix.join(rel, e.name);
        if (e.isDirectory()) walk(child);
        else if (e.isFile()) files.push(child);
      }
    };
    walk('node_modules');
  }
  return files;
}

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function vsixManifest() {
  return `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="${xml(manifest.name)}" Version="${xml(manifest.version)}" Publisher="${xml(manifest.publisher)}" />
    <DisplayName>${xml(manifest.displayName)}</DisplayName>
    <Description xml:space="preserve">${xml(manifest.description)}</Description>
    <Tags>kspec,kproof,tla,kubernetes,__ext_kspec</Tags>
    <Categories>${xml(manifest.categories.join(','))}</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="${xml(manifest.engines.vscode)}" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionKind" Value="workspace" />
    </Properties>
  </Metadata>
  <Installation>
    <InstallationTarget Id="Microsoft.VisualStudio.Code" />
  </Installation>
  <Dependencies />
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.Details" Path="extension/README.md" Addressable="true" />
  </Assets>
</PackageManifest>
`;
}

function contentTypes(names) {
  const exts = [...new Set(names.map((n) => path.posix.extname(n).slice(1)).filter((e) => e !== ''))].sort();
  const type = (e) => ({ json: 'application/json', js: 'application/javascript', md: 'text/markdown', xml: 'text/xml', vsixmanifest: 'text/xml' })[e] ?? 'application/octet-stream';
  return `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
${exts.map((e) => `  <Default Extension=".${xml(e)}" ContentType="${type(e)}" />`).join('\n')}
</Types>
`;
}

// ---------------------------------------------------------------------------------------------
// A small zip writer (deflate, no zip64: a .vsix is far below 4 GiB)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // a fixed timestamp keeps the archive reproducible (1980-01-01 00:00)
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

copyGrammar();
if (!skipDeps) installDependencies();
const files = extensionFiles();
const entries = [
  { name: 'extension.vsixmanifest', data: Buffer.from(vsixManifest()) },
  ...files.map((f) => ({ name: `extension/${f}`, data: fs.readFileSync(path.join(extensionDir, f)) })),
];
entries.unshift({ name: '[Content_Types].xml', data: Buffer.from(contentTypes(entries.map((e) => e.name))) });
const out = outArg ? path.resolve(outArg.slice('--out='.length)) : path.join(extensionDir, `${manifest.name}-${manifest.version}.vsix`);
fs.writeFileSync(out, zip(entries));
process.stdout.write(`wrote ${path.relative(process.cwd(), out)} (${entries.length} files)\n`);
