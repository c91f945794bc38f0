import type {
  GoalForm,
  IndicatorSets,
  IndicatorSetsInput,
  Level1Group,
  Level1GroupInput,
  SaveFormRequest,
} from '@jxt/contracts';

function toInputTree(groups: Level1Group[], keepIds: boolean): Level1GroupInput[] {
  return groups.map((level1) => ({
    code: level1.code,
    children: level1.children.map((level2) => ({
      code: level2.code,
      indicators: level2.indicators.map(
        ({
          id,
          name,
          rawValue,
          weight,
          scoringNotes,
          explanation,
          remark,
          nature,
          measureUnit,
          weakerTargetReason,
        }) => ({
          ...(keepIds ? { id } : {}),
          name,
          rawValue,
          weight,
          scoringNotes,
          explanation,
          remark,
          nature,
          measureUnit,
          ...(weakerTargetReason ? { weakerTargetReason } : {}),
        }),
      ),
    })),
  }));
}

function toSetsInput(sets: IndicatorSets, keepIds: boolean): IndicatorSetsInput {
  return {
    year: toInputTree(sets.year, keepIds),
    longTerm: sets.longTerm ? toInputTree(sets.longTerm, keepIds) : null,
  };
}

/** A form's indicators as its own save sends them back (each keeps its id, so the server updates it in place). */
export function toIndicatorSetsInput(sets: IndicatorSets): IndicatorSetsInput {
  return toSetsInput(sets, true);
}

/** Another form's indicators to save into a new form: the same tree and texts, without ids (they are new rows). */
export function copyIndicatorSets(sets: IndicatorSets): IndicatorSetsInput {
  return toSetsInput(sets, false);
}

/** The save request for a form as read: only the fields a save takes (labels, parsed targets and issues are the server's). */
export function toSaveRequest(form: GoalForm): SaveFormRequest {
  const {
    code,
    name,
    categoryCode,
    continuity,
    functionClassCode,
    printedDepartment,
    printedImplementingUnit,
    plannedStart,
    plannedEnd,
  } = form.project;
  return {
    rowVersion: form.rowVersion,
    project: {
      code,
      name,
      categoryCode,
      continuity,
      functionClassCode,
      printedDepartment,
      printedImplementingUnit,
      plannedStart,
      plannedEnd,
    },
    funds: { ...form.funds },
    totalGoal: form.totalGoal,
    annualGoal: form.annualGoal,
    goalPeriodStart: form.goalPeriodStart,
    goalPeriodEnd: form.goalPeriodEnd,
    indicators: toIndicatorSetsInput(form.indicators),
  };
}
