// The words of period closing (khóa sổ), merged into the dashboard's dictionaries.

export const vi = {
  closingTitle: (y) => `Khóa sổ kỳ báo cáo năm ${y}`,
  periodFirstHalf: (y) => `6 tháng đầu năm ${y}`, periodYear: (y) => `Cả năm ${y}`,
  chipFirstHalf: '6 tháng', chipYear: 'Cả năm', closingColumn: 'Khóa sổ',
  closedTitle: 'Đã khóa sổ', notClosed: 'Chưa khóa sổ', closedByAt: (by, at) => `· ${by} · ${at}`,
  closedOn: (p, by, at) => `${p}: đã khóa sổ, ${by}, ${at}`, openPeriod: (p) => `${p}: chưa khóa sổ`,
  childrenClosed: (a, b) => `${a}/${b} đơn vị trực thuộc đã khóa sổ`,
  closePeriod: 'Khóa sổ', reopenPeriod: 'Mở lại…', reopenYes: 'Mở lại',
  reopenConfirm: (p) => `Mở lại ${p} cho đơn vị này và mọi đơn vị trực thuộc đã khóa sổ?`,
  notEnded: (d) => `Kỳ kết thúc ngày ${d}; khóa sổ được từ ngày hôm sau.`,
  waitingFor: (n, names) => `Còn ${n} đơn vị chưa khóa sổ: ${names}`,
  closedNow: (p) => `Đã khóa sổ ${p}.`, reopenedNow: (p) => `Đã mở lại ${p}.`,
  auditClosed: (p) => `Khóa sổ ${p}`, auditReopened: (p, by, at) => `Mở lại ${p} (đã khóa sổ bởi ${by} lúc ${at})`,
};

export const en = {
  closingTitle: (y) => `Closing the ${y} reports`,
  periodFirstHalf: (y) => `First half of ${y}`, periodYear: (y) => `The year ${y}`,
  chipFirstHalf: 'H1', chipYear: 'Year', closingColumn: 'Closed',
  closedTitle: 'Closed', notClosed: 'Not closed', closedByAt: (by, at) => `· ${by} · ${at}`,
  closedOn: (p, by, at) => `${p}: closed by ${by}, ${at}`, openPeriod: (p) => `${p}: not closed`,
  childrenClosed: (a, b) => `${a} of ${b} units below have closed`,
  closePeriod: 'Close period', reopenPeriod: 'Reopen…', reopenYes: 'Reopen',
  reopenConfirm: (p) => `Reopen ${p} for this unit and every unit below it that has closed?`,
  notEnded: (d) => `The period ends on ${d}; it can be closed from the day after.`,
  waitingFor: (n, names) => `${n} unit(s) have not closed yet: ${names}`,
  closedNow: (p) => `${p} closed.`, reopenedNow: (p) => `${p} reopened.`,
  auditClosed: (p) => `Closed ${p}`, auditReopened: (p, by, at) => `Reopened ${p} (closed by ${by} at ${at})`,
};
