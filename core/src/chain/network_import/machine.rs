//! The import's state between rounds, and the two calls that drive it: [`NetworkImporter::start`]
//! and [`NetworkImporter::on_replies`]. Each round's calls are planned by `query`, each answer
//! read by `absorb`, and the network built by `assemble`.

use alloy_primitives::{Address, U256};
use serde_json::json;

use super::limits::MAX_ROUNDS;
use super::query::Call;
use super::request::{Checked, NetworkImportRequest};
use super::{ImportPhase, ImportStep, Issue, LrtProgress};
use crate::Error;
use crate::chain::{self, Head, Method, ReadRequest, RpcReply, RpcRequest};

/// One staker of an LRT: a contract holding EigenLayer shares (an OperatorDelegator, a
/// NodeDelegator, a staking node).
#[derive(Debug, Clone, Default)]
pub(super) struct Staker {
    /// Index of its LRT in the request.
    pub lrt: usize,
    pub address: Address,
    /// The operator the LRT's own contract names, when it names one.
    pub lrt_operator: Option<Address>,
    /// `DelegationManager.delegatedTo(staker)`, once read (zero: not delegated).
    pub operator: Option<Address>,
    /// Withdrawable shares per strategy (request order, beacon ETH first), once read.
    pub shares: Option<Vec<U256>>,
    /// Queued withdrawals: the operator at queue time and shares per strategy index.
    pub queued: Vec<(Address, Vec<(usize, U256)>)>,
}

impl Staker {
    /// Whether its operator and shares were both read.
    pub fn read(&self) -> bool {
        self.operator.is_some() && self.shares.is_some()
    }
}

/// One allocation read: operator set index, strategy index and the AllocationManager's answer.
#[derive(Debug, Clone, Copy)]
pub(super) struct AllocationRead {
    pub set: usize,
    pub strategy: usize,
    pub current: u64,
    pub pending: i128,
    pub effect_block: u32,
}

/// One operator the LRTs delegate (or have queued withdrawals) to.
#[derive(Debug, Clone, Default)]
pub(super) struct OperatorState {
    pub address: Address,
    /// Its operator sets `(avs, id)`, capped.
    pub sets: Vec<(Address, u32)>,
    /// Max magnitude per strategy (WAD), once read.
    pub max: Option<Vec<u64>>,
    /// Its delegated shares per strategy, once read.
    pub total_shares: Option<Vec<U256>>,
    pub allocations: Vec<AllocationRead>,
    /// What went wrong reading it; given to every LRT with stake there.
    pub issues: Vec<Issue>,
}

/// A network import in progress: feed it the answers to each round's requests.
///
/// ```
/// use restake_core::chain::network_import::{ImportStep, NetworkImportRequest, NetworkImporter};
/// let (mut importer, step) = NetworkImporter::start(&NetworkImportRequest::mainnet()).unwrap();
/// let ImportStep::Calls { requests, .. } = step else { unreachable!() };
/// assert_eq!(requests.len(), 2); // eth_chainId, eth_getBlockByNumber("latest")
/// // Answers from another chain (id 5) are refused by name.
/// let body = |id: u64, result: &str| restake_core::chain::RpcReply::Body {
///     text: format!(r#"{{"jsonrpc":"2.0","id":{id},"result":{result}}}"#),
/// };
/// let e = importer.on_replies(&[body(1, "\"0x5\""), body(2, "null")]).unwrap_err();
/// assert_eq!(e.field(), "eth_chainId");
/// ```
#[derive(Debug, Clone)]
pub struct NetworkImporter {
    pub(super) req: Checked,
    allow_local_chain: bool,
    pub(super) phase: ImportPhase,
    pub(super) head: Option<Head>,
    /// The id of the next request.
    next_id: u64,
    rounds: usize,
    pub(super) calls_made: usize,
    /// The calls of the round in flight, and its batches: (request id, first call, call count).
    in_flight: Vec<Call>,
    batches: Vec<(u64, usize, usize)>,
    /// Each strategy's underlying per 1e18 shares (beacon ETH: 1e18), once read.
    pub(super) rates: Vec<Option<U256>>,
    /// Issues of each LRT, in the order met.
    pub(super) lrt_issues: Vec<Vec<Issue>>,
    /// Strategy valuations that failed, with the issue (given to the LRTs holding the strategy).
    pub(super) rate_issues: Vec<(usize, Issue)>,
    /// Renzo list lengths, by LRT index (after the cap).
    pub(super) renzo_counts: Vec<(usize, usize)>,
    pub(super) stakers: Vec<Staker>,
    pub(super) operators: Vec<OperatorState>,
}

impl NetworkImporter {
    /// Checks `request` (errors name its field) and gives the importer with the first step:
    /// the two head requests (ids 1 and 2).
    pub fn start(request: &NetworkImportRequest) -> Result<(NetworkImporter, ImportStep), Error> {
        let req = request.check(&crate::presets::protocols()?)?;
        let n = req.strategies.len();
        let mut rates = vec![None; n];
        rates[0] = Some(U256::from(10u64).pow(U256::from(18u64)));
        let mut importer = NetworkImporter {
            lrt_issues: vec![Vec::new(); req.lrts.len()],
            req,
            allow_local_chain: request.allow_local_chain,
            phase: ImportPhase::Head,
            head: None,
            next_id: 3,
            rounds: 1,
            calls_made: 0,
            in_flight: Vec::new(),
            batches: Vec::new(),
            rates,
            rate_issues: Vec::new(),
            renzo_counts: Vec::new(),
            stakers: Vec::new(),
            operators: Vec::new(),
        };
        importer.add_listed_stakers();
        let step = ImportStep::Calls {
            requests: vec![
                RpcRequest::new(1, Method::ChainId, json!([])),
                RpcRequest::new(2, Method::GetBlockByNumber, json!(["latest", false])),
            ],
            progress: importer.progress(),
        };
        Ok((importer, step))
    }

    /// Takes the answers to the last step's requests, in their order, and gives the next step.
    /// Errors: a wrong number of answers (`replies`), a head that fails its checks
    /// (`eth_chainId`, `eth_getBlockByNumber…`), a call after the import finished
    /// (`networkImport`), or a network the chain's figures make invalid (its field path).
    pub fn on_replies(&mut self, replies: &[RpcReply]) -> Result<ImportStep, Error> {
        match self.phase {
            ImportPhase::Done => {
                return Err(Error::OutOfRange {
                    field: "networkImport".to_owned(),
                    value: self.rounds as f64,
                    expected: "no more answers: the import is finished".to_owned(),
                });
            }
            ImportPhase::Head => {
                let req = ReadRequest {
                    allow_local_chain: self.allow_local_chain,
                    ..ReadRequest::default()
                };
                self.head = Some(chain::head(&req, replies)?);
            }
            _ => self.absorb_round(replies)?,
        }
        self.advance()
    }

    /// The answers of one round of batches, call by call.
    fn absorb_round(&mut self, replies: &[RpcReply]) -> Result<(), Error> {
        if replies.len() != self.batches.len() {
            return Err(Error::OutOfRange {
                field: "replies".to_owned(),
                value: replies.len() as f64,
                expected: format!("one answer per request ({})", self.batches.len()),
            });
        }
        let calls = std::mem::take(&mut self.in_flight);
        let batches = std::mem::take(&mut self.batches);
        for (&(id, first, n), reply) in batches.iter().zip(replies) {
            let chunk = &calls[first..first + n];
            match chain::batch_results(reply, id, n) {
                Ok(results) => {
                    for (call, r) in chunk.iter().zip(results) {
                        let outcome = if r.success {
                            Ok(r.returnData.as_ref())
                        } else {
                            Err(chain::rpc::reverted(&r.returnData))
                        };
                        self.absorb(call, outcome);
                    }
                }
                Err(f) => chunk
                    .iter()
                    .for_each(|call| self.absorb(call, Err(f.clone()))),
            }
        }
        Ok(())
    }

    /// Moves to the next phase with calls (planning them), or finishes.
    fn advance(&mut self) -> Result<ImportStep, Error> {
        loop {
            self.phase = self.phase.next();
            if self.phase == ImportPhase::Done {
                return Ok(ImportStep::Done {
                    import: Box::new(self.assemble()?),
                });
            }
            let calls = self.plan(self.phase);
            if calls.is_empty() {
                continue;
            }
            self.rounds += 1;
            if self.rounds > MAX_ROUNDS {
                return Err(Error::Invariant {
                    field: "networkImport.rounds".to_owned(),
                    message: format!("more than {MAX_ROUNDS} rounds"),
                });
            }
            return Ok(ImportStep::Calls {
                requests: self.send(calls),
                progress: self.progress(),
            });
        }
    }

    /// The round's calls as `aggregate3` batches, `eth_call`s pinned to the head's block.
    fn send(&mut self, calls: Vec<Call>) -> Vec<RpcRequest> {
        let block = format!("{:#x}", self.head.as_ref().map_or(0, |h| h.block_number));
        let batches = chain::plan::batches_of(&calls, |c| (c.target, c.data.as_slice()));
        self.calls_made += calls.len();
        self.in_flight = calls;
        self.batches.clear();
        batches
            .into_iter()
            .map(|b| {
                let id = self.next_id;
                self.next_id += 1;
                self.batches.push((id, b.first, b.calls));
                RpcRequest::new(
                    id,
                    Method::Call,
                    json!([{ "to": b.to, "data": b.data }, block]),
                )
            })
            .collect()
    }

    /// Each LRT's progress now.
    pub(super) fn progress(&self) -> Vec<LrtProgress> {
        self.req
            .lrts
            .iter()
            .enumerate()
            .map(|(l, lrt)| {
                let own: Vec<&Staker> = self.stakers.iter().filter(|s| s.lrt == l).collect();
                let mut operators: Vec<Address> = Vec::new();
                for op in own.iter().filter_map(|s| s.operator) {
                    if !op.is_zero() && !operators.contains(&op) {
                        operators.push(op);
                    }
                }
                let issues = self.lrt_issues[l].clone();
                LrtProgress {
                    protocol: lrt.profile.id.clone(),
                    phase: self.phase,
                    done: self.phase.fraction(),
                    stakers_listed: own.len(),
                    stakers_read: own.iter().filter(|s| s.read()).count(),
                    operators: operators.len(),
                    complete: !issues.iter().any(Issue::is_partial),
                    issues,
                }
            })
            .collect()
    }

    /// The rounds sent so far (the head included).
    pub fn rounds(&self) -> usize {
        self.rounds
    }
}
