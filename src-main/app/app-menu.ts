import { Menu, app, dialog, type MenuItemConstructorOptions } from 'electron';
import { APP_VERSION } from './app-version';

/** The Arabic application menu: only what a desk needs, no developer tools in production. */
/** Windows the menu can open; supplied by the main entry, which owns them. */
export type MenuActions = { openBoard?: () => void };

export function installArabicMenu(actions: MenuActions = {}): void {
  const template: MenuItemConstructorOptions[] = [
    { label: 'ملف', submenu: [{ label: 'خروج', role: 'quit' }] },
    {
      label: 'تحرير',
      submenu: [
        { label: 'تراجع', role: 'undo' },
        { label: 'إعادة', role: 'redo' },
        { type: 'separator' },
        { label: 'قص', role: 'cut' },
        { label: 'نسخ', role: 'copy' },
        { label: 'لصق', role: 'paste' },
        { label: 'تحديد الكل', role: 'selectAll' },
      ],
    },
    {
      label: 'عرض',
      submenu: [
        { label: 'تكبير', role: 'zoomIn' },
        { label: 'تصغير', role: 'zoomOut' },
        { label: 'الحجم الأصلي', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'ملء الشاشة', role: 'togglefullscreen' },
        ...(actions.openBoard
          ? [{ type: 'separator' as const }, { label: 'شاشة الانتظار', accelerator: 'CmdOrCtrl+Shift+B', click: actions.openBoard }]
          : []),
      ],
    },
    {
      label: 'مساعدة',
      submenu: [
        {
          label: 'حول البرنامج',
          click: () =>
            void dialog.showMessageBox({
              title: 'حول البرنامج',
              message: 'مأمن — الواجهة الأمامية',
              detail: `الإصدار ${APP_VERSION}\nبرنامج استقبال المستفيدين وخدمتهم ومتابعتهم.`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({ applicationName: 'مأمن', applicationVersion: APP_VERSION });
}
