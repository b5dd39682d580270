// The unit directory: canonical units per jurisdiction, their aliases, collectives of
// county-level divisions, and receiving offices' mappings.
export type {
  Directory, DirectoryFile, DirectoryUnit, JurisdictionEntry, ReceiverEntry, UnitCategory, UnitEntry, UnitResolution, ResolutionKind,
} from './types.ts';
export { DirectoryError } from './errors.ts';
export { resolveUnit, unitResolver } from './lookup.ts';
export { jurisdictionOf, knownJurisdiction } from './jurisdiction.ts';
export { mapToReceiver, receiverUnitsFor, planForReceiver, receiverOfSlip, type ReceiverPlan } from './receiver.ts';
export { defaultDirectory, loadDirectory, readDirectoryFile, builtinDirectoryFiles } from './load.ts';
export { compileDirectory } from './compile.ts';
export { parseDirectoryFile, checkDirectoryFile } from './format.ts';
export { normalizeName } from './normalize.ts';
export { listUnits, isKnownUnit, DIVISION_ORGAN, type ListedUnit } from './listing.ts';
