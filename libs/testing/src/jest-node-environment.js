// Jest's node environment gives every test file its own realm, so a Float32Array created by a native addon (ONNX
// Runtime's outputs) is not an instance of the test realm's Float32Array and onnxruntime-common rejects it. The
// process's own typed-array constructors are shared instead, as Buffer already is.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = ['Float32Array', 'Float64Array', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array'];

module.exports = class NodeEnvironmentWithSharedTypedArrays extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
};
