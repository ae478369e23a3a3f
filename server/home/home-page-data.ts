import type { Database } from "../../db/client";
import { listCoverReportsOwed, listNextMeetingsOfMember } from "../../db/queries/home-page";
import { listMemberResponsibilities } from "../../db/queries/member-responsibilities";
import { findReportingTimetable } from "../../db/queries/reporting-months";
import { periodOwed, whatTheyOwe, type WhatTheyOwe } from "../../app/shared/home/what-they-owe";
import { ukToday } from "../../app/shared/meetings/action-status";
import { dueDatesFor, type MonthDueDates } from "../../app/shared/performance/reporting-timetable";
import { type TargetStatus } from "../../app/shared/performance/status";
import { hasRole, type Principal } from "../policies/principal";
import { reportingMonthPolicy } from "../policies/reporting-month-policy";
import { loadMonthStatus } from "../performance/reporting-month-status";
import { loadScorecard, reportingPeriods } from "../performance/scorecard";
import { pickDefaultPeriod } from "../../app/shared/performance/reporting-period";

/*
 * A person's home page: what they do in the product decides what they see first (issue
 * 14, section 4). Members: their next meetings and their actions. Officers (and anyone
 * who manages or owns an indicator): the figures and commentaries they owe this month,
 * cover reports asked of them, their overdue actions. The performance team: the month
 * in progress. Viewers: the scorecard.
 */

const NEXT_MEETINGS = 5;

export type HomePageData = {
  owed: (WhatTheyOwe & { due: MonthDueDates }) | null;
  meetings: Awaited<ReturnType<typeof listNextMeetingsOfMember>>;
  coverReports: Awaited<ReturnType<typeof listCoverReportsOwed>>;
  month: { period: string; due: MonthDueDates; figures: number; unverified: number; commentaries: number } | null;
  scorecard: { period: string; counts: Partial<Record<TargetStatus, number>> } | null;
};

export async function loadHomePage(
  db: Database,
  input: { organisationId: string; principal: Principal; user: { id: string; name: string }; now?: Date },
): Promise<HomePageData> {
  const { organisationId, principal, user } = input;
  const now = input.now ?? new Date();
  const today = ukToday(now);
  const periods = await reportingPeriods(db, organisationId);
  const period = periodOwed(periods, today);
  const timetable = await findReportingTimetable(db, organisationId);
  const due = dueDatesFor(period, timetable);
  const responsibilities = await listMemberResponsibilities(db, organisationId, user.id);
  const answersForIndicators = responsibilities.owned.length + responsibilities.managed.length > 0;
  const isPerformanceTeam = reportingMonthPolicy.publish(principal, { id: organisationId });
  // The month's status reads every indicator and its commentary: only for those who use it.
  const status = answersForIndicators || isPerformanceTeam ? await loadMonthStatus(db, organisationId, period) : null;
  const owed = whatTheyOwe({
    userId: user.id,
    period,
    dueDates: due,
    today,
    indicators: (status?.indicators ?? []).map((i) => ({
      code: i.code,
      title: i.title,
      ownerUserId: i.ownerUserId,
      managerUserId: i.managerUserId,
      due: i.due,
      figureStatus: i.figureStatus,
      commentary: i.commentary?.status ?? null,
    })),
    actions: responsibilities.actions,
  });
  const meetings = await listNextMeetingsOfMember(db, { organisationId, userId: user.id, since: now, limit: NEXT_MEETINGS });
  const coverReports = hasRole(principal, "officer")
    ? await listCoverReportsOwed(db, { organisationId, userId: user.id, userName: user.name })
    : [];
  const month =
    isPerformanceTeam && status
      ? {
          period,
          due,
          figures: status.gaps.figures.length,
          unverified: status.gaps.unverified.length,
          commentaries: status.gaps.commentaries.length,
        }
      : null;
  return {
    owed: answersForIndicators || hasRole(principal, "officer") || responsibilities.actions.length ? { ...owed, due } : null,
    meetings,
    coverReports,
    month,
    scorecard: hasRole(principal, "officer") ? null : await scorecardSummary(db, organisationId, pickDefaultPeriod(periods)),
  };
}

async function scorecardSummary(db: Database, organisationId: string, period: string | null) {
  if (!period) return null;
  const scorecard = await loadScorecard(db, { organisationId, period, areaId: null });
  const counts: Partial<Record<TargetStatus, number>> = {};
  for (const { row } of scorecard.entries) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return { period, counts };
}
