// @sqlite.org/sqlite-wasm (the emulator's in-browser SQLite, a devDependency and an optional
// peer) declares `engines.node >=22` since 3.51.2, but its 3.54.1 build runs on Node 20 — in
// Node (the emulator's WASM tests) and in browsers alike (shared/TOOLCHAIN.md, and the
// emulator's test/wasmDatabase.test.ts). Under engine-strict that one claim would block every
// install, so it is relaxed here to the repository's own engine; every other package's stands.
module.exports = {
  hooks: {
    readPackage(manifest) {
      if (manifest.name === '@sqlite.org/sqlite-wasm' && manifest.engines?.node === '>=22') {
        manifest.engines = { ...manifest.engines, node: '>=20.19' };
      }
      return manifest;
    },
  },
};
