import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { Shell } from './shell';
import { canCall } from './access';
import { useSession } from './session';
import { RegistryScreen } from '../features/registry/registry-screen';
import { RegisterScreen } from '../features/registry/register-screen';
import { ProfileScreen } from '../features/registry/profile-screen';
import { EditScreen } from '../features/registry/edit-screen';
import { UsersScreen } from '../features/users/users-screen';
import { ImportScreen } from '../features/imports/import-screen';
import { ContactsScreen } from '../features/contacts/contacts-screen';
import { KnowledgeScreen } from '../features/knowledge/knowledge-screen';
import { IssueScreen } from '../features/queue/issue-screen';
import { DeskScreen } from '../features/queue/desk-screen';
import { BoardScreen, OwnBoardRedirect } from '../features/queue/board-screen';
import { TicketPrintScreen } from '../features/queue/print-screen';
import { InterviewsScreen } from '../features/interview/interviews-screen';
import { InterviewWizard } from '../features/interview/interview-wizard';
import { InterviewStartScreen } from '../features/interview/interview-start';
import { ReferralsScreen } from '../features/referrals/referrals-screen';
import { RequestsScreen } from '../features/requests/requests-screen';
import { RequestScreen } from '../features/requests/request-screen';
import { FormsScreen } from '../features/forms/forms-screen';
import { VerifyScreen } from '../features/forms/verify-screen';
import { CommitteeBoardScreen } from '../features/committee/board-screen';
import { CommitteeCaseScreen } from '../features/committee/case-screen';
import { NotificationsScreen } from '../features/committee/notifications-screen';
import { KioskSurveyScreen } from '../features/surveys/kiosk-screen';
import { SurveysScreen } from '../features/surveys/surveys-screen';
import { OutreachScreen } from '../features/outreach/outreach-screen';
import { ComplaintsScreen } from '../features/complaints/complaints-screen';
import { ReportsScreen } from '../features/reports/reports-screen';
import { AuditScreen } from '../features/audit/audit-screen';
import { SyncScreen } from '../features/sync/sync-screen';
import { BackupsScreen } from '../features/backups/backups-screen';
import { CorrectionsScreen } from '../features/data-rights/corrections-screen';
import { RetentionScreen } from '../features/data-rights/retention-screen';

/**
 * Hash routing: the same static files are served from app:// in Electron and from the loopback host,
 * and neither has to know the routes.
 */
export function AppRoutes() {
  const { user } = useSession();
  return (
    <HashRouter>
      <Routes>
        {/* Full-screen pages without the shell: the waiting-room display and the 80 mm ticket. */}
        <Route path="/board" element={<OwnBoardRedirect />} />
        <Route path="/board/:branchId" element={<BoardScreen />} />
        <Route path="/tickets/:id/print" element={<TicketPrintScreen />} />
        {canCall(user, 'surveys.submit') ? <Route path="/survey/kiosk" element={<KioskSurveyScreen />} /> : null}
        <Route element={<Shell />}>
          <Route path="/registry" element={<RegistryScreen />} />
          <Route path="/registry/new" element={<RegisterScreen />} />
          <Route path="/beneficiaries/:id" element={<ProfileScreen />} />
          <Route path="/beneficiaries/:id/edit" element={<EditScreen />} />
          {canCall(user, 'audit.list') ? <Route path="/audit" element={<AuditScreen />} /> : null}
          {canCall(user, 'users.list') ? <Route path="/users" element={<UsersScreen />} /> : null}
          {canCall(user, 'imports.preview') ? <Route path="/import" element={<ImportScreen />} /> : null}
          {canCall(user, 'queue.issue') ? <Route path="/queue/issue" element={<IssueScreen />} /> : null}
          {canCall(user, 'queue.callNext') ? <Route path="/queue/desk" element={<DeskScreen />} /> : null}
          {canCall(user, 'contacts.daily') ? <Route path="/contacts" element={<ContactsScreen />} /> : null}
          {canCall(user, 'knowledge.list') ? <Route path="/knowledge" element={<KnowledgeScreen />} /> : null}
          {canCall(user, 'interviews.listOpen') ? <Route path="/interviews" element={<InterviewsScreen />} /> : null}
          {canCall(user, 'interviews.get') ? <Route path="/interviews/:id" element={<InterviewWizard />} /> : null}
          {canCall(user, 'interviews.start') ? <Route path="/interviews/new" element={<InterviewStartScreen />} /> : null}
          {canCall(user, 'referrals.list') ? <Route path="/referrals" element={<ReferralsScreen />} /> : null}
          <Route path="/requests" element={<RequestsScreen />} />
          <Route path="/requests/:id" element={<RequestScreen />} />
          {canCall(user, 'forms.list') ? <Route path="/forms" element={<FormsScreen />} /> : null}
          {canCall(user, 'forms.list') ? <Route path="/forms/:beneficiaryId" element={<FormsScreen />} /> : null}
          <Route path="/verify" element={<VerifyScreen />} />
          <Route path="/verify/:code" element={<VerifyScreen />} />
          {canCall(user, 'committee.board') ? <Route path="/committee" element={<CommitteeBoardScreen />} /> : null}
          {canCall(user, 'committee.case') ? <Route path="/committee/:requestId" element={<CommitteeCaseScreen />} /> : null}
          {canCall(user, 'notifications.list') ? <Route path="/notifications" element={<NotificationsScreen />} /> : null}
          {canCall(user, 'surveys.mine') ? <Route path="/surveys" element={<SurveysScreen />} /> : null}
          {canCall(user, 'outreach.list') ? <Route path="/outreach" element={<OutreachScreen />} /> : null}
          {canCall(user, 'complaints.list') ? <Route path="/complaints" element={<ComplaintsScreen />} /> : null}
          {canCall(user, 'reports.dashboard') ? <Route path="/reports" element={<ReportsScreen />} /> : null}
          {canCall(user, 'sync.status') ? <Route path="/sync" element={<SyncScreen />} /> : null}
          {canCall(user, 'backups.list') ? <Route path="/backups" element={<BackupsScreen />} /> : null}
          {canCall(user, 'privacy.openCorrections') ? <Route path="/data-corrections" element={<CorrectionsScreen />} /> : null}
          {canCall(user, 'privacy.retentionSettings') ? <Route path="/data-retention" element={<RetentionScreen />} /> : null}
          <Route path="*" element={<Navigate to="/registry" replace />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
