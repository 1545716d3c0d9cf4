import { cloneElement, isValidElement, useState } from 'react';
import { Button, Checkbox, Input, InputNumber, Select, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import { CASE_STATUSES, HOUSING_TYPES, INCOME_SOURCES, PRISONER_RELATIONS } from '../../../src-shared/contract/requests';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { AutosaveNote } from './autosave-note';
import { draftValue, useDraftAutosave, useInterviewAction, useRequestTypes, type DraftData } from './use-interview';

type Form = {
  requestTypeCode: string;
  summary: string;
  prisonerName: string;
  prisonerRelation: string;
  prisonName: string;
  caseStatus: string;
  expectedReleaseDate: string;
  monthlyIncome: number | null;
  incomeSources: string[];
  housingType: string;
  monthlyRent: number | null;
  householdSize: number | null;
};

function initialForm(view: InterviewView): Form {
  const saved = view.request?.caseData;
  const base: Form = {
    requestTypeCode: saved?.requestTypeCode ?? '',
    summary: saved?.summary ?? '',
    prisonerName: saved?.prisonerName ?? '',
    prisonerRelation: saved?.prisonerRelation ?? '',
    prisonName: saved?.prisonName ?? '',
    caseStatus: saved?.caseStatus ?? '',
    expectedReleaseDate: saved?.expectedReleaseDate ?? '',
    monthlyIncome: saved?.monthlyIncome ?? null,
    incomeSources: saved?.incomeSources ?? [],
    housingType: saved?.housingType ?? '',
    monthlyRent: saved?.monthlyRent ?? null,
    householdSize: saved?.householdSize ?? null,
  };
  const restored = { ...base };
  for (const key of Object.keys(base) as (keyof Form)[]) {
    (restored as Record<keyof Form, unknown>)[key] = draftValue(view, 'data_verification', key, base[key]);
  }
  return restored;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="interview-field">
      <label>{label}</label>
      {/* The visible label also names the control for screen readers (axe's "label" rule). */}
      {isValidElement(children) ? cloneElement(children as React.ReactElement<{ 'aria-label'?: string }>, { 'aria-label': label }) : children}
    </div>
  );
}

/** Step 2's request data in modelled fields: support type, prisoner, income and housing. */
export function CaseDataForm({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const types = useRequestTypes();
  const [form, setForm] = useState<Form>(() => initialForm(view));
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const autosave = useDraftAutosave(view.id, 'data_verification', form as unknown as DraftData, view.status === 'open');
  const save = useInterviewAction(view.id, 'interviews.saveCaseData');
  const locked = view.request?.signature != null;
  const options = <T extends string>(codes: readonly T[], group: 'relations' | 'caseStatuses' | 'housingTypes' | 'incomeSources') =>
    codes.map((code) => ({ value: code, label: t(`interview.${group}.${code}` as 'interview.relations.other') }));

  const submit = () =>
    save.mutate(
      {
        id: view.id,
        caseData: {
          ...form,
          prisonerRelation: form.prisonerRelation as (typeof PRISONER_RELATIONS)[number],
          caseStatus: form.caseStatus as (typeof CASE_STATUSES)[number],
          housingType: form.housingType as (typeof HOUSING_TYPES)[number],
          incomeSources: form.incomeSources as (typeof INCOME_SOURCES)[number][],
          // An empty number box is sent as missing, so the server answers "required" naming the field.
          monthlyIncome: (form.monthlyIncome ?? undefined) as number,
          householdSize: (form.householdSize ?? undefined) as number,
        },
      },
      { onSuccess: () => void message.success(t('interview.data.caseSaved')) },
    );

  return (
    <div data-testid="case-data-form">
      <div className="interview-form-grid">
        <Field label={t('interview.data.requestType')}>
          <Select
            value={form.requestTypeCode || undefined}
            onChange={(v: string) => set('requestTypeCode', v)}
            options={(types.data?.types ?? []).map((type) => ({ value: type.code, label: lang === 'en' ? type.nameEn : type.nameAr }))}
            disabled={locked}
            data-testid="case-requestType"
            style={{ inlineSize: '100%' }}
          />
        </Field>
        <Field label={t('interview.data.prisonerName')}>
          <Input value={form.prisonerName} onChange={(e) => set('prisonerName', e.target.value)} disabled={locked} data-testid="case-prisonerName" />
        </Field>
        <Field label={t('interview.data.prisonerRelation')}>
          <Select value={form.prisonerRelation || undefined} onChange={(v: string) => set('prisonerRelation', v)} options={options(PRISONER_RELATIONS, 'relations')} disabled={locked} data-testid="case-prisonerRelation" style={{ inlineSize: '100%' }} />
        </Field>
        <Field label={t('interview.data.prisonName')}>
          <Input value={form.prisonName} onChange={(e) => set('prisonName', e.target.value)} disabled={locked} data-testid="case-prisonName" />
        </Field>
        <Field label={t('interview.data.caseStatus')}>
          <Select value={form.caseStatus || undefined} onChange={(v: string) => set('caseStatus', v)} options={options(CASE_STATUSES, 'caseStatuses')} disabled={locked} data-testid="case-caseStatus" style={{ inlineSize: '100%' }} />
        </Field>
        <Field label={t('interview.data.expectedReleaseDate')}>
          <Input value={form.expectedReleaseDate} onChange={(e) => set('expectedReleaseDate', e.target.value)} disabled={locked} dir="ltr" data-testid="case-expectedReleaseDate" />
        </Field>
        <Field label={t('interview.data.monthlyIncome')}>
          <InputNumber min={0} value={form.monthlyIncome} onChange={(v) => set('monthlyIncome', v)} disabled={locked} data-testid="case-monthlyIncome" style={{ inlineSize: '100%' }} />
        </Field>
        <Field label={t('interview.data.householdSize')}>
          <InputNumber min={1} value={form.householdSize} onChange={(v) => set('householdSize', v)} disabled={locked} data-testid="case-householdSize" style={{ inlineSize: '100%' }} />
        </Field>
        <Field label={t('interview.data.housingType')}>
          <Select value={form.housingType || undefined} onChange={(v: string) => set('housingType', v)} options={options(HOUSING_TYPES, 'housingTypes')} disabled={locked} data-testid="case-housingType" style={{ inlineSize: '100%' }} />
        </Field>
        <Field label={t('interview.data.monthlyRent')}>
          <InputNumber min={0} value={form.monthlyRent} onChange={(v) => set('monthlyRent', v)} disabled={locked} data-testid="case-monthlyRent" style={{ inlineSize: '100%' }} />
        </Field>
      </div>
      <Field label={t('interview.data.incomeSources')}>
        <Checkbox.Group value={form.incomeSources} onChange={(v) => set('incomeSources', v)} options={options(INCOME_SOURCES, 'incomeSources')} disabled={locked} data-testid="case-incomeSources" />
      </Field>
      <Field label={t('interview.data.summary')}>
        <Input.TextArea rows={2} value={form.summary} onChange={(e) => set('summary', e.target.value)} disabled={locked} data-testid="case-summary" />
      </Field>
      <ErrorAlert error={save.error} testId="case-error" />
      <div className="interview-actions">
        <Button type="primary" ghost loading={save.isPending} onClick={submit} disabled={locked} data-testid="case-save">
          {t('interview.data.saveCase')}
        </Button>
        <AutosaveNote state={autosave} />
      </div>
    </div>
  );
}
