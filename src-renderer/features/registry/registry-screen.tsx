import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Input, Spin, Typography, type InputRef } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { useShortcuts } from '../../app/shortcuts';
import { ErrorAlert } from '../../components/error-alert';
import { ResultsTable } from './results-table';
import { useBeneficiarySearch } from './use-registry';

/** The receptionist's main screen: one search box, results as you type, keyboard first. */
export function RegistryScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const [selected, setSelected] = useState(0);
  const input = useRef<InputRef>(null);
  const search = useBeneficiarySearch(text);
  const items = text.trim() === '' ? [] : (search.data?.items ?? []);
  const canRegister = canCall(user, 'beneficiaries.register');

  const setText = (value: string) => {
    setParams(value === '' ? {} : { q: value }, { replace: true });
    setSelected(0);
  };
  const open = (id: string) => void navigate(`/beneficiaries/${id}`);
  const focusSearch = () => {
    input.current?.focus();
    input.current?.select();
  };

  useEffect(() => focusSearch(), []);
  useShortcuts([
    { chords: [{ code: 'F2' }, { code: 'KeyK', ctrl: true }], run: focusSearch },
    { chords: [{ code: 'KeyN', alt: true }], run: () => canRegister && void navigate('/registry/new') },
  ]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setSelected((i) => Math.min(i + 1, Math.max(items.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      const item = items[selected] ?? items[0];
      if (item) open(item.id);
    } else if (event.key === 'Escape') {
      setText('');
    }
  };

  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('registry.title')}</Typography.Title>
      </div>
      <div className="registry-toolbar">
        <Input
          ref={input}
          className="registry-search"
          size="large"
          allowClear
          prefix={<SearchOutlined />}
          suffix={search.isFetching ? <Spin size="small" /> : <span />}
          placeholder={t('registry.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="registry-search"
          aria-label={t('registry.searchPlaceholder')}
        />
        {canRegister ? (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => void navigate('/registry/new')} data-testid="new-beneficiary">
            {t('registry.newBeneficiary')}
          </Button>
        ) : null}
      </div>
      <div className="shortcut-hint">{t('registry.shortcuts')}</div>
      <ErrorAlert error={search.error} />
      <ResultsTable
        items={items}
        selectedIndex={selected}
        emptyText={text.trim() === '' ? t('registry.typeToSearch') : search.isFetching ? t('app.loading') : t('registry.noResults')}
        onOpen={open}
        onSelect={setSelected}
      />
    </section>
  );
}
