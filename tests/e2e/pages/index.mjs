// The pages the end-to-end suite visits. Each entry: path, the <h1>, a content check and
// (optionally) interactions run once at desktop size; `viewports` (names) limits the sizes
// an entry that only adds interactions to an already checked page is loaded at; `summary: true`
// requires the phone's results summary above the inputs (run.mjs checks it at 390 × 844).
import { matrix } from "./matrix.mjs";
import { glossary } from "./glossary.mjs";
import { bridge } from "./bridge.mjs";
import { slashing } from "./slashing.mjs";
import { timeline } from "./timeline.mjs";
import { yieldPage } from "./yield.mjs";

import { leverage } from "./leverage.mjs";
import { carry } from "./carry.mjs";
import { parameters } from "./parameters.mjs";
import { risk } from "./risk.mjs";

import { security } from "./security.mjs";
import { scenarios } from "./scenarios.mjs";
import { roundtrip } from "./roundtrip.mjs";
import { budgets } from "./budgets.mjs";
import { data } from "./data.mjs";
import { ltvZero } from "./ltv_zero.mjs";

export const PAGES = [matrix, yieldPage, slashing, timeline, risk, security, bridge, leverage, carry, parameters, scenarios, data, ltvZero, glossary, roundtrip, budgets];
