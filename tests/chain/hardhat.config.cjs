// Hardhat 2 network for the local test chain (tests/chain/chain.mjs). `.cjs` because this package is ESM.
// Prague is the mainnet hardfork the node emulates; chain id 31337 is Hardhat's local default.
module.exports = { networks: { hardhat: { chainId: 31337, hardfork: "prague" } } };
