import { Empty, Input, List, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { KnowledgeHit } from '../../../src-shared/contract/knowledge';
import { ErrorAlert } from '../../components/error-alert';
import { useKnowledgeSearch } from './use-knowledge';

/** The search box and its hits, each a snippet with the matched words marked. */
export function KnowledgeSearch({ text, onText, onOpen, autoFocus }: { text: string; onText: (v: string) => void; onOpen: (hit: KnowledgeHit) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const search = useKnowledgeSearch(text);
  const hits = search.data?.hits ?? [];
  return (
    <div className="knowledge-search">
      <Input
        allowClear
        size="large"
        prefix={<SearchOutlined />}
        value={text}
        onChange={(e) => onText(e.target.value)}
        placeholder={t('knowledge.searchPlaceholder')}
        autoFocus={autoFocus}
        data-testid="knowledge-search"
      />
      <ErrorAlert error={search.error} />
      {text.trim() !== '' && search.data ? (
        hits.length === 0 ? (
          <Empty description={t('knowledge.noHits')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            className="knowledge-hits"
            data-testid="knowledge-hits"
            header={<Typography.Text type="secondary">{t('knowledge.hitsCount', { count: hits.length })}</Typography.Text>}
            dataSource={hits}
            renderItem={(hit) => (
              <List.Item key={hit.sectionId} className="knowledge-hit" onClick={() => onOpen(hit)} data-testid="knowledge-hit">
                <div>
                  <div className="knowledge-hit-title">
                    <Typography.Text strong>{hit.heading ?? hit.documentTitle}</Typography.Text>
                    <Tag>{hit.documentTitle}</Tag>
                  </div>
                  <p className="knowledge-snippet">
                    {hit.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                  </p>
                </div>
              </List.Item>
            )}
          />
        )
      ) : null}
    </div>
  );
}
