// The types of the HTTP API: the server's own zod schemas (src/api), read as types. The server
// validates and serializes with those schemas and /api/openapi.json is made from them, so what
// the pages expect is what the server sends. Every import of an API type goes through this file.
import type { z } from 'zod';
import type * as admin from '../../../src/api/admin.ts';
import type * as auth from '../../../src/api/auth.ts';
import type * as calendar from '../../../src/api/calendar.ts';
import type * as common from '../../../src/api/common.ts';
import type * as incoming from '../../../src/api/incoming.ts';
import type * as archive from '../../../src/api/incoming-archive.ts';
import type * as incomingAssign from '../../../src/api/incoming-assign.ts';
import type * as library from '../../../src/api/library.ts';
import type * as supervision from '../../../src/api/supervision.ts';
import type * as office from '../../../src/api/supervision-office.ts';

export type Role = z.infer<typeof auth.Role>;
export type Permission = z.infer<typeof auth.Permission>;
export type SessionUser = z.infer<typeof auth.SessionUser>;
export type Me = z.infer<typeof auth.Me>;
export type PolicyTable = z.infer<typeof auth.PolicyTable>;
export type LoginRequest = z.input<typeof auth.LoginBody>;
export type PasswordChange = z.input<typeof auth.PasswordChangeBody>;

export type ErrorBody = z.infer<typeof common.ErrorBody>;
export type Ok = z.infer<typeof common.Ok>;
export type Facet = z.infer<typeof common.Facet>;
export interface Page<T> {
  items: T[];
  total: number;
}

export type Validity = z.infer<typeof library.Validity>;
export type Access = z.infer<typeof library.DocumentAccess>;
export type DocumentSummary = z.infer<typeof library.DocumentSummary>;
export type LinkView = z.infer<typeof library.LinkView>;
export type DocumentView = z.infer<typeof library.DocumentView>;
export type OutlineNode = library.OutlineNode;
export type UnitRef = z.infer<typeof library.UnitRef>;
export type Deadline = z.infer<typeof library.Deadline>;
export type TaskView = z.infer<typeof library.TaskView>;
export type SearchKind = z.infer<typeof library.SearchKind>;
export type SearchHit = z.infer<typeof library.SearchHit>;
export type SearchResult = z.infer<typeof library.SearchResult>;
export type Stats = z.infer<typeof library.Stats>;
export type PublicStats = z.infer<typeof library.PublicStats>;
export type Appointment = z.infer<typeof library.Appointment>;
export type ChronicleEntry = z.infer<typeof library.ChronicleEntry>;
export type DirectoryUnit = z.infer<typeof library.DirectoryUnit>;
export type Collective = z.infer<typeof library.Collective>;
/** Query of GET /api/search and GET /api/public/search, as the page writes it into the URL. */
export interface SearchQuery {
  q: string;
  kind?: SearchKind[];
  issuer?: string;
  year?: string;
  type?: string;
  unit?: string;
  validity?: Validity;
  topic?: string;
  limit?: number;
  offset?: number;
}

export type ImportOutcome = z.infer<typeof admin.ImportOutcome>;
export type UserView = z.infer<typeof admin.UserView>;
export type UserCreate = z.input<typeof admin.NewUserBody>;
export type UserUpdate = z.input<typeof admin.UserPatchBody>;
export type PasswordReset = z.input<typeof admin.PasswordResetBody>;
export type SessionView = z.infer<typeof admin.SessionView>;
export type AuditEvent = z.infer<typeof admin.AuditEvent>;
/** Query of GET /api/admin/audit (days as YYYY-MM-DD). */
export type AuditQuery = z.infer<typeof admin.AuditQuery>;

// 督查督办
export type ItemState = z.infer<typeof supervision.ItemState>;
export type UnitRole = z.infer<typeof supervision.UnitRole>;
export type Light = z.infer<typeof supervision.Light>;
export type ReportCycle = z.infer<typeof supervision.ReportCycle>;
export type ItemUnitView = z.infer<typeof supervision.ItemUnitView>;
export type ReportView = z.infer<typeof supervision.ReportView>;
export type ExtensionView = z.infer<typeof supervision.ExtensionView>;
export type NoticeView = z.infer<typeof supervision.NoticeView>;
export type ItemView = z.infer<typeof supervision.ItemView>;
export type ItemDetail = z.infer<typeof supervision.ItemDetail>;
export type LedgerSummary = z.infer<typeof supervision.LedgerSummary>;
export type LedgerDetail = z.infer<typeof supervision.LedgerDetail>;
export type OpenLedger = z.input<typeof supervision.OpenLedgerBody>;
export type NewItem = z.input<typeof supervision.NewItemBody>;
export type ItemPatch = z.input<typeof supervision.ItemPatchBody>;
export type SplitRequest = z.input<typeof supervision.SplitBody>;
export type MergeRequest = z.input<typeof supervision.MergeBody>;
export type IssueRequest = z.input<typeof supervision.IssueBody>;
export type ReasonRequest = z.input<typeof supervision.ReasonBody>;
export type ReportRequest = z.input<typeof supervision.ReportBody>;
export type ClaimRequest = z.input<typeof supervision.ClaimBody>;
export type VerifyRequest = z.input<typeof supervision.VerifyBody>;
export type ExtensionRequest = z.input<typeof supervision.ExtensionBody>;
export type DecideRequest = z.input<typeof supervision.DecideBody>;
export type ItemQuery = z.input<typeof supervision.ItemQuery>;
export type Workbench = z.infer<typeof supervision.Workbench>;
export type Approvals = z.infer<typeof supervision.Approvals>;
export type InboxNotice = z.infer<typeof office.InboxNotice>;
export type Inbox = z.infer<typeof office.Inbox>;
export type UnitMailbox = z.infer<typeof office.UnitMailbox>;
export type Dispatch = z.infer<typeof office.Dispatch>;
export type DispatchRowView = z.infer<typeof office.DispatchRowView>;
export type BulletinView = z.infer<typeof office.BulletinView>;
export type BulletinRowView = z.infer<typeof office.BulletinRowView>;
export type PublishedBulletin = z.infer<typeof office.PublishedBulletin>;
export type Scores = z.infer<typeof office.Scores>;
export type ScoreEventView = z.infer<typeof office.ScoreEventView>;

export type YearSource = z.infer<typeof calendar.YearSource>;
export type CalendarYearView = z.infer<typeof calendar.CalendarYearView>;
export type CalendarYears = z.infer<typeof calendar.CalendarYears>;
export type NoticeBody = z.input<typeof calendar.NoticeBody>;
export type NoticeResult = z.infer<typeof calendar.NoticeResult>;
export type NoticeError = z.infer<typeof calendar.NoticeError>;
export type Rules = z.infer<typeof office.Rules>;
export type RulesView = z.infer<typeof office.RulesView>;
export type RulesEdit = z.input<typeof office.RulesBody>;

// 收文批办
export type IncomingState = z.infer<typeof incoming.IncomingState>;
export type IncomingKind = z.infer<typeof incoming.IncomingKind>;
export type IncomingView = z.infer<typeof incoming.IncomingView>;
export type RoutingProposal = z.infer<typeof incoming.RoutingProposalView>;
export type RegisterFailure = z.infer<typeof incoming.RegisterFailure>;
export type RegisterResult = z.infer<typeof incoming.RegisterResult>;
/** Query of GET /api/incoming (the 收文簿), with its numbers as numbers. */
export type IncomingQuery = Omit<z.input<typeof incoming.IncomingQuery>, 'year' | 'limit' | 'offset'> & { year?: number; limit?: number; offset?: number };
export type ReviewRequest = z.input<typeof incoming.ReviewBody>;
export type ProposalDraft = z.infer<typeof incoming.ProposalDraftView>;
export type ProposeRequest = z.input<typeof incoming.ProposeBody>;
export type InstructRequest = z.input<typeof incoming.InstructBody>;
export type InstructionStep = z.infer<typeof incoming.InstructionStepView>;
export type CirculationRecipient = z.infer<typeof incoming.CirculationView>;
// 收文归档
export type Retention = z.infer<typeof archive.Retention>;
export type ArchiveRecord = z.infer<typeof archive.ArchiveRecordView>;
export type ArchivedItem = z.infer<typeof archive.ArchivedItem>;
export type ArchiveRequest = z.input<typeof archive.ArchiveBody>;
export type ArchiveReadyList = z.infer<typeof archive.ReadyList>;
export type ArchiveSettingsState = z.infer<typeof archive.ArchiveSettingsView>;
export type ArchiveSettingsRequest = z.input<typeof archive.ArchiveSettingsBody>;
// 分办 and 承办
export type Assignment = z.infer<typeof incoming.AssignmentView>;
export type AssignmentState = z.infer<typeof incoming.AssignmentState>;
export type AssignmentRole = z.infer<typeof incoming.AssignmentRole>;
export type DeadlineSource = z.infer<typeof incoming.DeadlineSource>;
export type AssignDraft = z.infer<typeof incomingAssign.AssignDraftView>;
export type AssignRequest = z.input<typeof incomingAssign.AssignBody>;
export type AssignedItem = z.infer<typeof incomingAssign.AssignedItem>;
export type AssignedList = z.infer<typeof incomingAssign.AssignedList>;
export type CirculateRequest = z.input<typeof incoming.CirculateBody>;
export type CirculatedItem = z.infer<typeof incoming.CirculatedItem>;
export type RecipientUser = z.infer<typeof incoming.RecipientUser>;
export type LeaderChoice = z.infer<typeof incoming.LeaderChoice>;
export type OfficeLeader = z.infer<typeof admin.OfficeLeaderView>;
export type OfficeLeadersSave = z.input<typeof admin.OfficeLeadersBody>;
export type DirectoryUnitChoice = z.infer<typeof incoming.DirectoryUnitChoice>;
