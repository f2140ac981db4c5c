import { labelsFor } from '../labels.js';

/** The words of <bantin-date-picker> (and the shared ones). */
export const DATE_PICKER_LABELS = {
  vi: {
    browseByDate: 'Xem theo ngày',
    browseByDateChosen: 'Xem theo ngày, đã chọn {date}',
    calendar: 'Lịch',
    prevMonth: 'Tháng trước',
    nextMonth: 'Tháng sau',
    hasNews: 'có tin',
    today: 'hôm nay',
    close: 'Đóng',
    typeDate: 'Nhập ngày',
    chooseTyped: 'Chọn',
    calendarHelp: 'Dùng phím mũi tên để chuyển ngày, Page Up/Page Down để chuyển tháng, Enter để chọn, Esc để đóng.',
    invalidDate: 'Ngày «{value}» không hợp lệ. Nhập theo dạng {pattern}.',
    outOfRange: 'Ngày {date} nằm ngoài khoảng cho phép.',
    noNewsThatDay: 'Ngày {date} không có tin.',
  },
  en: {
    browseByDate: 'Browse by date',
    browseByDateChosen: 'Browse by date, {date} chosen',
    calendar: 'Calendar',
    prevMonth: 'Previous month',
    nextMonth: 'Next month',
    hasNews: 'has news',
    today: 'today',
    close: 'Close',
    typeDate: 'Type a date',
    chooseTyped: 'Go',
    calendarHelp: 'Use the arrow keys to move between days, Page Up/Page Down for months, Enter to choose, Esc to close.',
    invalidDate: '“{value}” is not a valid date. Use {pattern}.',
    outOfRange: '{date} is outside the allowed range.',
    noNewsThatDay: 'There is no news on {date}.',
  },
};

export const datePickerLabel = labelsFor(DATE_PICKER_LABELS);
