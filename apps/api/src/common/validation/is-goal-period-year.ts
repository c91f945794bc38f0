import { registerDecorator, type ValidationOptions } from 'class-validator';
import { goalPeriodErrors, type GoalPeriod } from '@jxt/domain';

/**
 * goalPeriodStart / goalPeriodEnd of a form (the years under 项目总目标): a whole year in the range,
 * and the end not before the start — the rule the SPA checks while typing. Null is allowed.
 */
export function IsGoalPeriodYear(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    const errorOf = (period: object) =>
      goalPeriodErrors(period as GoalPeriod).find((issue) => issue.field === propertyName);
    registerDecorator({
      name: 'isGoalPeriodYear',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args) => value === null || value === undefined || !errorOf(args!.object),
        defaultMessage: (args) => errorOf(args!.object)?.message ?? '',
      },
    });
  };
}
