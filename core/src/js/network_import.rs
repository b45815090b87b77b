//! Each LRT's network from chain state, for JS (issue 19): `mainnetNetworkImportRequest()` and the
//! `NetworkImporter` class. The caller sends each step's requests with any transport and passes
//! back the answers as `RpcReply`s, in order:
//!
//! ```js
//! const importer = new NetworkImporter(request);
//! let step = importer.start();                      // { kind: "calls", requests, progress }
//! while (step.kind === "calls") step = importer.onReplies(await sendAll(step.requests));
//! step.import.network;                              // a Network every engine reads
//! networkOf(step.import, "renzo");                  // one LRT's part of it
//! startFromImport(scenario, step.import, "renzo");  // a document on that part
//! ```

use wasm_bindgen::prelude::*;

use super::{from_js, scenario_from, text_from, to_js};
use crate::Error;
use crate::chain::RpcReply;
use crate::chain::network_import::{
    ImportStep, NetworkImport, NetworkImportRequest, NetworkImporter,
};

/// Ethereum mainnet's import: EigenLayer's DelegationManager and AllocationManager, eight LST
/// strategies, Renzo, Kelp and YieldNest through their own listing contracts (addresses in
/// docs/sources.md, "Network import").
#[wasm_bindgen(js_name = mainnetNetworkImportRequest, unchecked_return_type = "NetworkImportRequest")]
pub fn mainnet_network_import_request_js() -> Result<JsValue, JsValue> {
    to_js(&NetworkImportRequest::mainnet())
}

/// A network import in progress (see the module documentation for the loop that drives it).
#[wasm_bindgen(js_name = NetworkImporter)]
pub struct NetworkImporterJs {
    importer: NetworkImporter,
    /// The first step, until `start()` hands it out.
    first: Option<ImportStep>,
}

#[wasm_bindgen(js_class = NetworkImporter)]
impl NetworkImporterJs {
    /// Checks `request` (errors name its field: `lrts[1].source.depositPool`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "NetworkImportRequest")] request: JsValue,
    ) -> Result<NetworkImporterJs, JsValue> {
        let request: NetworkImportRequest = from_js(request, "request")?;
        let (importer, first) = NetworkImporter::start(&request)?;
        Ok(NetworkImporterJs {
            importer,
            first: Some(first),
        })
    }

    /// The first step: the two head requests. Only once.
    #[wasm_bindgen(unchecked_return_type = "ImportStep")]
    pub fn start(&mut self) -> Result<JsValue, JsValue> {
        let step = self.first.take().ok_or_else(|| Error::OutOfRange {
            field: "start".to_owned(),
            value: 2.0,
            expected: "one call: the import has started".to_owned(),
        })?;
        to_js(&step)
    }

    /// The next step from the answers to the last step's requests, in their order: more
    /// requests, or `{ kind: "done", import }`. Errors name what is wrong (`replies`,
    /// `eth_chainId`, `networkImport` once finished).
    #[wasm_bindgen(js_name = onReplies, unchecked_return_type = "ImportStep")]
    pub fn on_replies(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RpcReply[]")] replies: JsValue,
    ) -> Result<JsValue, JsValue> {
        let replies: Vec<RpcReply> = from_js(replies, "replies")?;
        to_js(&self.importer.on_replies(&replies)?)
    }
}

/// Longest protocol id read from JS, UTF-16 units (preset ids are a few letters).
const MAX_PROTOCOL_ID_UNITS: usize = 64;

/// `protocol`'s part of a finished import (`NetworkImport.network_of`): its delegations, the
/// operators they reach with their allocations and AVSs, the other LRTs' stake with those
/// operators folded into their `otherDelegatedEth`. Errors: `protocol` not imported
/// (`protocol`), an import that is not one (its field).
#[wasm_bindgen(js_name = networkOf, unchecked_return_type = "Network")]
pub fn network_of_js(
    #[wasm_bindgen(unchecked_param_type = "NetworkImport")] import: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] protocol: JsValue,
) -> Result<JsValue, JsValue> {
    let import: NetworkImport = from_js(import, "import")?;
    let protocol = text_from(&protocol, "protocol", MAX_PROTOCOL_ID_UNITS)?;
    to_js(&import.network_of(&protocol)?)
}

/// `scenario` started from `protocol`'s part of `import` (`Scenario::start_from_import`): the
/// part as its network, the slashing events emptied, the risk overrides cleared, placeholder π
/// and α per AVS, and the `networkOrigin` section ("the network of ezETH as of block N").
#[wasm_bindgen(js_name = startFromImport, unchecked_return_type = "Scenario")]
pub fn start_from_import_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "NetworkImport")] import: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] protocol: JsValue,
) -> Result<JsValue, JsValue> {
    let mut s = scenario_from(scenario)?;
    let import: NetworkImport = from_js(import, "import")?;
    let protocol = text_from(&protocol, "protocol", MAX_PROTOCOL_ID_UNITS)?;
    s.start_from_import(&import, &protocol)?;
    to_js(&s)
}
