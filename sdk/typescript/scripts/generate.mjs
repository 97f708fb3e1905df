// Regenerates the SDK from the four services' OpenAPI documents:
//   openapi/<service>.json        the documents, pretty-printed with every number literal kept as served
//   src/generated/<service>.ts    openapi-typescript's types (paths, components, operations)
//   src/generated/index.ts        the documents' info.version and the creating POSTs (those declaring Idempotency-Key)
//   package.json version          follows the documents (see README, "Versioning")
//
//   npm run generate                       documents the journey tests saved (journey-tests/target/openapi)
//   npm run generate -- --stack [HOST]     documents of a running local stack (ports 8081-8084, default localhost)
//   npm run generate -- --dir DIR          <service>.json documents in DIR
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const here = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SERVICES = [
  { key: "client", artifact: "client-service", port: 8081 },
  { key: "booking", artifact: "booking-service", port: 8082 },
  { key: "notification", artifact: "notification-service", port: 8083 },
  { key: "gallery", artifact: "gallery-service", port: 8084 },
];

function usage(message) {
  console.error(`${message}\nusage: npm run generate [-- --stack [HOST] | -- --dir DIR]`);
  process.exit(2);
}

async function sources(args) {
  if (args[0] === "--stack") {
    const host = args[1] ?? "localhost";
    const texts = {};
    for (const s of SERVICES) {
      const url = `http://${host}:${s.port}/q/openapi?format=json`;
      let res;
      try {
        res = await fetch(url);
      } catch (e) {
        usage(`Cannot reach ${url} (${e.cause?.code ?? e.message}): is the local stack running (deploy/local-stack/run)?`);
      }
      if (!res.ok) usage(`${url}: HTTP ${res.status}`);
      texts[s.artifact] = await res.text();
    }
    return { from: `the local stack on ${host}`, texts };
  }
  let dir;
  if (args[0] === "--dir") {
    if (!args[1]) usage("--dir needs a directory");
    dir = resolve(args[1]);
  } else if (args.length === 0) {
    dir = resolve(here, "../../journey-tests/target/openapi");
  } else {
    usage(`unknown argument ${args[0]}`);
  }
  const texts = {};
  for (const s of SERVICES) {
    const file = join(dir, `${s.artifact}.json`);
    if (!existsSync(file)) {
      usage(`No ${file}: run the journey tests first (they save the served documents there), or use --stack with a running local stack.`);
    }
    texts[s.artifact] = readFileSync(file, "utf8");
  }
  return { from: dir, texts };
}

/** Pretty-prints JSON text with two-space indentation, copying every literal (numbers included) as it is. */
function pretty(text) {
  JSON.parse(text); // valid JSON, or fail here
  let out = "";
  let depth = 0;
  const newline = () => "\n" + "  ".repeat(depth);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === "{" || c === "[") {
      let j = i + 1;
      while (/\s/.test(text[j])) j++;
      if (text[j] === (c === "{" ? "}" : "]")) {
        out += c + text[j];
        i = j;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === "}" || c === "]") {
      depth--;
      out += newline() + c;
    } else if (c === ",") {
      out += "," + newline();
    } else if (c === ":") {
      out += ": ";
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out + "\n";
}

/** format: binary is a Blob (File) in a multipart body and in an image or archive answer read with parseAs: "blob". */
function transform(schema) {
  if (schema.format === "binary") {
    const blob = ts.factory.createTypeReferenceNode("Blob");
    const nullable = schema.nullable || (Array.isArray(schema.type) && schema.type.includes("null"));
    return nullable ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob;
  }
  return undefined;
}

/**
 * The documents describe bytes as OpenAPI 3.1 does, by a contentMediaType with no type (a file part, an image or
 * archive answer); openapi-typescript hands only typed schemas to transform, so for the types they are read as the
 * older type: string, format: binary (the saved documents stay as served).
 */
function bytesAsBinary(node) {
  if (Array.isArray(node)) {
    node.forEach(bytesAsBinary);
  } else if (node && typeof node === "object") {
    if (typeof node.contentMediaType === "string" && node.type === undefined && node.$ref === undefined) {
      node.type = "string";
      node.format = "binary";
    }
    Object.values(node).forEach(bytesAsBinary);
  }
  return node;
}

function majorMinor(version) {
  const m = /^(\d+)\.(\d+)(?:\.\d+)?/.exec(version ?? "");
  if (!m) throw new Error(`info.version "${version}" is not major.minor[.patch]`);
  return `${m[1]}.${m[2]}`;
}

const { from, texts } = await sources(process.argv.slice(2));
mkdirSync(join(here, "openapi"), { recursive: true });
mkdirSync(join(here, "src/generated"), { recursive: true });

const apiVersions = {};
const creatingPosts = {};
const changed = [];
for (const s of SERVICES) {
  const text = pretty(texts[s.artifact]);
  const doc = JSON.parse(text);
  apiVersions[s.key] = doc.info?.version;
  const docFile = join(here, "openapi", `${s.artifact}.json`);
  if (!existsSync(docFile) || readFileSync(docFile, "utf8") !== text) changed.push(s.artifact);
  writeFileSync(docFile, text);

  const ast = await openapiTS(bytesAsBinary(JSON.parse(text)), { transform, silent: true });
  const header = `// Generated by \`npm run generate\` (openapi-typescript) from openapi/${s.artifact}.json. Do not edit.\n\n`;
  writeFileSync(join(here, "src/generated", `${s.artifact}.ts`), header + astToString(ast));

  creatingPosts[s.key] = Object.entries(doc.paths ?? {})
    .filter(([, item]) => (item.post?.parameters ?? []).some((p) => p.in === "header" && p.name === "Idempotency-Key"))
    .map(([path]) => path)
    .sort();
}

const lines = [
  "// Generated by `npm run generate` from openapi/*.json. Do not edit.",
  "",
  "/** Each service document's `info.version`. */",
  `export const apiVersions = ${JSON.stringify(apiVersions, null, 2)} as const;`,
  "",
  "/** The POST operations that declare an `Idempotency-Key` header (they create something), per service. */",
  `export const creatingPosts: Record<keyof typeof apiVersions, readonly string[]> = ${JSON.stringify(creatingPosts, null, 2)};`,
  "",
];
writeFileSync(join(here, "src/generated/index.ts"), lines.join("\n"));

// Versioning: major.minor are the documents' info.version (all four must agree); the patch counts regenerations that
// changed a document within that major.minor.
const apiLine = [...new Set(Object.values(apiVersions).map(majorMinor))];
if (apiLine.length !== 1) {
  console.error(`The documents' info.version differ (${JSON.stringify(apiVersions)}): one SDK version cannot follow them.`);
  process.exit(1);
}
const pkgFile = join(here, "package.json");
const pkgText = readFileSync(pkgFile, "utf8");
const current = JSON.parse(pkgText).version;
let next = current;
if (majorMinor(current) !== apiLine[0]) next = `${apiLine[0]}.0`;
else if (changed.length > 0) next = `${apiLine[0]}.${Number(current.split(".")[2]) + 1}`;
if (next !== current) {
  writeFileSync(pkgFile, pkgText.replace(/"version": "[^"]*"/, `"version": "${next}"`));
  const lockFile = join(here, "package-lock.json");
  const lock = JSON.parse(readFileSync(lockFile, "utf8"));
  lock.version = next;
  lock.packages[""].version = next;
  writeFileSync(lockFile, JSON.stringify(lock, null, 2) + "\n");
}
console.log(`Generated from ${from}: ${SERVICES.map((s) => s.artifact).join(", ")}`);
console.log(changed.length ? `Changed documents: ${changed.join(", ")}` : "No document changed.");
console.log(next === current ? `@stipple/sdk stays ${current}` : `@stipple/sdk ${current} -> ${next}`);
