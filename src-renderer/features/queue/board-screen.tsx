import { useEffect, useRef } from 'react';
import { Button, Result, Spin, Switch } from 'antd';
import { SoundOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardCall } from '../../../src-shared/contract/queue';
import { formatBoth } from '../../../src-shared/domain/calendar';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { useApiErrorText } from '../../components/error-alert';
import { formatNumber } from './queue-format';
import { speak, useLiveBoard, useSpeechSetting } from './use-board';
import './queue.css';

/** `#/board`: the display of the user's own branch. */
export function OwnBoardRedirect() {
  const { user } = useSession();
  return <Navigate to={`/board/${user.branchId}`} replace />;
}

/**
 * `#/board/<branchId>`: the waiting-room display. Very large Arabic type, the current call highlighted,
 * the previous calls below it, updated by a long poll within a second of a desk calling.
 */
export function BoardScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { branchId = '' } = useParams();
  const navigate = useNavigate();
  const errorText = useApiErrorText();
  const { board, error, reconnecting } = useLiveBoard(branchId);
  const [speechOn, setSpeechOn] = useSpeechSetting();
  const spoken = useRef<string | null>(null);
  const current = board?.calls[0] ?? null;

  const deskText = (call: BoardCall) => (call.deskNumber === null ? '' : t('queue.board.deskWord', { number: formatNumber(call.deskNumber, lang) }));

  // Speak each new call once (a recall is a new call event); the calls already on screen at load are not read out.
  useEffect(() => {
    if (!current) return;
    if (spoken.current !== null && spoken.current !== current.eventId && speechOn) {
      speak(t('queue.board.announce', { number: current.number, desk: deskText(current) }), lang);
    }
    spoken.current = current.eventId;
    // Keyed on the call only: switching the speech or the language must not repeat the last call.
  }, [current?.eventId]);

  if (error) return <Result status="warning" title={errorText(error)} />;
  if (!board) return <div className="centered-page"><Spin size="large" /></div>;
  const previous = board.calls.slice(1);

  return (
    <div className="queue-board" data-testid="queue-board" lang={lang}>
      <header className="queue-board-header">
        <div className="queue-board-branch">{board.branchName}</div>
        <div className="queue-board-date">{formatBoth(new Date(), lang)}</div>
        <div className="queue-board-tools">
          <SoundOutlined />
          <Switch checked={speechOn} onChange={setSpeechOn} aria-label={t('queue.board.speech')} data-testid="board-speech" />
          <Button ghost size="small" onClick={() => void navigate('/queue/desk')}>
            {t('queue.board.exit')}
          </Button>
        </div>
      </header>
      <main className="queue-board-main">
        {current ? (
          <div key={current.eventId} className="queue-board-current" data-testid="board-current">
            <div className="queue-board-label">{t('queue.board.now')}</div>
            <bdi className="queue-board-number" data-testid="board-current-number">
              {current.number}
            </bdi>
            <div className="queue-board-desk" data-testid="board-current-desk">
              {deskText(current)}
            </div>
          </div>
        ) : (
          <div className="queue-board-idle">{t('queue.board.idle')}</div>
        )}
        {previous.length > 0 ? (
          <section className="queue-board-previous">
            <div className="queue-board-label">{t('queue.board.previous')}</div>
            <div className="queue-board-previous-grid" data-testid="board-previous">
              {previous.map((call) => (
                <div key={call.ticketId} className="queue-board-previous-item">
                  <bdi className="queue-board-previous-number">{call.number}</bdi>
                  <span className="queue-board-previous-desk">{deskText(call)}</span>
                </div>
              ))}
            </div>
          </section>
        ) : null}
      </main>
      <footer className="queue-board-footer">
        <span data-testid="board-waiting">{t('queue.board.waiting', { value: formatNumber(board.waiting, lang) })}</span>
        {reconnecting ? <span className="queue-board-reconnecting">{t('queue.board.reconnecting')}</span> : null}
      </footer>
    </div>
  );
}
