// The engine in a Web Worker, so that aligning thousands of outcomes never
// freezes the page: the worker loads its own engine (the same package the
// page uses, through engine.js) and aligns one chunk of outcomes per message.
// The page sends the chunks one after another (app/aligner.js), which is what
// lets it show progress, drop a superseded job and cancel between chunks.
//
//   page → worker: { id, outcomes, options }
//   worker → page: { id, alignment } | { id, error: { name, code, message, messageTh, messageEn, location } }
import { loadEngine } from "../engine.js";
import { errorFields } from "../worker-protocol.js";

const engine = loadEngine();

self.onmessage = async ({ data }) => {
  const { id, outcomes, options } = data;
  try {
    const e = await engine;
    self.postMessage({ id, alignment: e.align(outcomes, options) });
  } catch (error) {
    self.postMessage({ id, error: errorFields(error) });
  }
};
