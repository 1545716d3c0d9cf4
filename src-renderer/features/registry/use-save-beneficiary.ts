import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { DuplicateCandidate } from '../../../src-shared/contract/beneficiaries';
import { withQueryParam } from '../../../src-shared/domain/internal-path';
import { call, isApiCallError } from '../../app/api-client';
import { applyFieldErrors } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import type { BeneficiaryFormValues, ParsedBeneficiaryForm } from './beneficiary-form-values';
import { beneficiaryQueryKey } from './use-registry';

/** `returnTo`: an in-app route (already checked with safeInternalPath) that gets the beneficiary back. */
export type SaveTarget = { mode: 'register'; returnTo?: string | null } | { mode: 'edit'; id: string; expectedVersion: string };

const CandidatesDetails = z.object({ candidates: z.array(DuplicateCandidate) });

/**
 * The save flow of the register and edit forms: look for possible duplicates first; if there are
 * any, the receptionist decides (same person → open that record; different → save, naming the
 * candidates reviewed). Without candidates the record is saved at once.
 */
export function useSaveBeneficiary(target: SaveTarget, setError: UseFormSetError<BeneficiaryFormValues>) {
  const { lang } = useLanguage();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [review, setReview] = useState<{ candidates: DuplicateCandidate[]; values: ParsedBeneficiaryForm } | null>(null);
  const excludeId = target.mode === 'edit' ? target.id : null;
  const returnTo = target.mode === 'register' ? (target.returnTo ?? null) : null;
  /** The profile, or the screen that sent the desk here (the interview) with this beneficiary chosen. */
  const leaveWith = (id: string, replace: boolean) =>
    void navigate(returnTo ? withQueryParam(returnTo, 'beneficiary', id) : `/beneficiaries/${id}`, { replace: replace || returnTo !== null });

  const placeError = (error: unknown) => {
    if (!isApiCallError(error)) return;
    const apiError = error.apiError;
    if (apiError.code === 'DUPLICATE_NATIONAL_ID') {
      setReview(null);
      setError('beneficiary.nationalId', { type: 'server', message: apiError.message[lang] }, { shouldFocus: true });
      return;
    }
    if (apiError.fields) setReview(null);
    applyFieldErrors(apiError, setError, lang, (path) => path.startsWith('beneficiary.') || path.startsWith('household.'));
  };

  const saved = async (id: string) => {
    await client.invalidateQueries({ queryKey: ['beneficiaries.search'] });
    await client.invalidateQueries({ queryKey: beneficiaryQueryKey(id) });
    await client.invalidateQueries({ queryKey: ['beneficiaries.history', id] });
    setReview(null);
    leaveWith(id, target.mode === 'edit');
  };

  const commit = useMutation({
    mutationFn: async ({ values, distinctFrom }: { values: ParsedBeneficiaryForm; distinctFrom: string[] }) => {
      if (target.mode === 'register') {
        const result = await call('beneficiaries.register', {
          beneficiary: values.beneficiary,
          household: values.household,
          confirmedDistinctFrom: distinctFrom,
        });
        return result.id;
      }
      const profile = await call('beneficiaries.update', {
        id: target.id,
        expectedVersion: target.expectedVersion,
        beneficiary: values.beneficiary,
        confirmedDistinctFrom: distinctFrom,
      });
      return profile.id;
    },
    onSuccess: saved,
    onError: (error, { values }) => {
      // The server found candidates the check did not show (someone registered them meanwhile).
      if (isApiCallError(error) && error.code === 'DUPLICATE_REVIEW_REQUIRED') {
        const details = CandidatesDetails.safeParse(error.apiError.details);
        if (details.success) {
          setReview({ candidates: details.data.candidates, values });
          return;
        }
      }
      placeError(error);
    },
  });

  const check = useMutation({
    mutationFn: (values: ParsedBeneficiaryForm) => call('beneficiaries.checkDuplicates', { beneficiary: values.beneficiary, excludeId }),
    onSuccess: ({ candidates }, values) => {
      const relevant = candidates.filter((c) => c.kind !== 'none').sort((a, b) => b.score - a.score);
      if (relevant.length > 0) setReview({ candidates: relevant, values });
      else commit.mutate({ values, distinctFrom: [] });
    },
    onError: placeError,
  });

  const same = useMutation({
    mutationFn: (candidateId: string) => call('beneficiaries.resolveDuplicate', { candidateId, decision: 'same_person' }),
    onSuccess: (_ok, candidateId) => {
      setReview(null);
      leaveWith(candidateId, false);
    },
  });

  return {
    save: (values: ParsedBeneficiaryForm) => {
      commit.reset();
      check.mutate(values);
    },
    saving: check.isPending || commit.isPending,
    /** An error that is not about one field (stale version, permissions, the store…). */
    error: generalError(commit.error ?? check.error ?? same.error),
    review,
    closeReview: () => setReview(null),
    saveAnyway: () => {
      if (review) commit.mutate({ values: review.values, distinctFrom: review.candidates.map((c) => c.id) });
    },
    openSame: (candidateId: string) => same.mutate(candidateId),
    resolving: same.isPending ? same.variables : null,
    committing: commit.isPending,
  };
}

/** Errors already shown on a field or in the review dialog are not repeated above the form. */
function generalError(error: unknown): Error | null {
  if (isApiCallError(error) && (error.code === 'DUPLICATE_NATIONAL_ID' || error.code === 'DUPLICATE_REVIEW_REQUIRED')) {
    return null;
  }
  return error instanceof Error ? error : null;
}
