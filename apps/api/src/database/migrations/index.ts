import { InitialSchema1795776463045 } from './1795776463045-InitialSchema';
import { TenantIsolation1795776500000 } from './1795776500000-TenantIsolation';
import { AddFormHistory1795778376185 } from './1795778376185-AddFormHistory';
import { FormHistoryAppendOnly1795778400000 } from './1795778400000-FormHistoryAppendOnly';
import { AddFinanceDivisions1795778765438 } from './1795778765438-AddFinanceDivisions';
import { FinanceDivisionScope1795778800000 } from './1795778800000-FinanceDivisionScope';
import { AddInboxAndDeadlines1795779008306 } from './1795779008306-AddInboxAndDeadlines';
import { DeadlineIsolation1795779100000 } from './1795779100000-DeadlineIsolation';
import { AddFormOrganizationPath1795781393520 } from './1795781393520-AddFormOrganizationPath';
import { FormOrganizationPathSync1795781400000 } from './1795781400000-FormOrganizationPathSync';
import { WidenInboxIndex1795782403908 } from './1795782403908-WidenInboxIndex';
import { AddSelfEvaluation1795784419382 } from './1795784419382-AddSelfEvaluation';
import { SelfEvaluationIsolation1795784500000 } from './1795784500000-SelfEvaluationIsolation';
import { IndexEvaluationPolicy1795784996482 } from './1795784996482-IndexEvaluationPolicy';
import { AddScoringJobHeartbeat1795786505537 } from './1795786505537-AddScoringJobHeartbeat';
import { WidenEvaluationEventStatus1795787000000 } from './1795787000000-WidenEvaluationEventStatus';
import { RevisionOwnsHeader1795983212995 } from './1795983212995-RevisionOwnsHeader';
import { LockedRevisionGuard1795983300000 } from './1795983300000-LockedRevisionGuard';
import { StoreQualitativeBand1795983642040 } from './1795983642040-StoreQualitativeBand';
import { AddSubmissionFiler1795984026102 } from './1795984026102-AddSubmissionFiler';
import { TenantScopedForeignKeys1795995811501 } from './1795995811501-TenantScopedForeignKeys';
import { SessionCacheInvalidation1796000000000 } from './1796000000000-SessionCacheInvalidation';
import { LoginAttemptCounters1796100000000 } from './1796100000000-LoginAttemptCounters';
import { SecondFactorAndSecuritySettings1796200000000 } from './1796200000000-SecondFactorAndSecuritySettings';
import { SecondFactorAndSecuritySettingsAccess1796200000001 } from './1796200000001-SecondFactorAndSecuritySettingsAccess';
import { AuditLog1796300000000 } from './1796300000000-AuditLog';
import { OrganizationDisabled1796400000022 } from './1796400000022-OrganizationDisabled';
import { JobRunner1796410000000 } from './1796410000000-JobRunner';
import { AddNotifications1796410000001 } from './1796410000001-AddNotifications';
import { NotificationIsolation1796410000002 } from './1796410000002-NotificationIsolation';
import { DeadlineReminders1796410000003 } from './1796410000003-DeadlineReminders';
import { AddUserEmail1796410000004 } from './1796410000004-AddUserEmail';
import { FiscalYears1796430000000 } from './1796430000000-FiscalYears';
import { FunctionClassInForce1796430000001 } from './1796430000001-FunctionClassInForce';
import { TaxonomyNodeRetired1796450000000 } from './1796450000000-TaxonomyNodeRetired';
import { AddImportBatch1796480000000 } from './1796480000000-AddImportBatch';
import { ImportBatchIsolation1796480000001 } from './1796480000001-ImportBatchIsolation';
import { BulkExport1796490000000 } from './1796490000000-BulkExport';
import { BulkExportIsolation1796490000001 } from './1796490000001-BulkExportIsolation';
import { IndicatorNatureAndUnit1796500000000 } from './1796500000000-IndicatorNatureAndUnit';
import { QualityChecks1796510000000 } from './1796510000000-QualityChecks';
import { QualityPolicyIsolation1796510000001 } from './1796510000001-QualityPolicyIsolation';
import { AddIndicatorLibrary1796520000000 } from './1796520000000-AddIndicatorLibrary';
import { IndicatorLibraryIsolation1796520000001 } from './1796520000001-IndicatorLibraryIsolation';
import { ImportedPastEvaluation1796530000000 } from './1796530000000-ImportedPastEvaluation';
import { SimilarProjectsIndex1796540000000 } from './1796540000000-SimilarProjectsIndex';
import { CoveringSearchIndexes1796560000000 } from './1796560000000-CoveringSearchIndexes';
import { SuggestionSlotIndexes1796570000000 } from './1796570000000-SuggestionSlotIndexes';
import { SimilarProjectsByPath1796580000000 } from './1796580000000-SimilarProjectsByPath';

// Every migration, in order. `npm run db:generate -- <Name>` writes a new file and prints the class to add here.
export const MIGRATIONS = [
  InitialSchema1795776463045,
  TenantIsolation1795776500000,
  AddFormHistory1795778376185,
  FormHistoryAppendOnly1795778400000,
  AddFinanceDivisions1795778765438,
  FinanceDivisionScope1795778800000,
  AddInboxAndDeadlines1795779008306,
  DeadlineIsolation1795779100000,
  AddFormOrganizationPath1795781393520,
  FormOrganizationPathSync1795781400000,
  WidenInboxIndex1795782403908,
  AddSelfEvaluation1795784419382,
  SelfEvaluationIsolation1795784500000,
  IndexEvaluationPolicy1795784996482,
  AddScoringJobHeartbeat1795786505537,
  WidenEvaluationEventStatus1795787000000,
  RevisionOwnsHeader1795983212995,
  LockedRevisionGuard1795983300000,
  StoreQualitativeBand1795983642040,
  AddSubmissionFiler1795984026102,
  TenantScopedForeignKeys1795995811501,
  SessionCacheInvalidation1796000000000,
  LoginAttemptCounters1796100000000,
  SecondFactorAndSecuritySettings1796200000000,
  SecondFactorAndSecuritySettingsAccess1796200000001,
  AuditLog1796300000000,
  OrganizationDisabled1796400000022,
  JobRunner1796410000000,
  AddNotifications1796410000001,
  NotificationIsolation1796410000002,
  DeadlineReminders1796410000003,
  AddUserEmail1796410000004,
  FiscalYears1796430000000,
  FunctionClassInForce1796430000001,
  TaxonomyNodeRetired1796450000000,
  AddImportBatch1796480000000,
  ImportBatchIsolation1796480000001,
  BulkExport1796490000000,
  BulkExportIsolation1796490000001,
  IndicatorNatureAndUnit1796500000000,
  QualityChecks1796510000000,
  QualityPolicyIsolation1796510000001,
  AddIndicatorLibrary1796520000000,
  IndicatorLibraryIsolation1796520000001,
  ImportedPastEvaluation1796530000000,
  SimilarProjectsIndex1796540000000,
  CoveringSearchIndexes1796560000000,
  SuggestionSlotIndexes1796570000000,
  SimilarProjectsByPath1796580000000,
];
