import { labelsFor } from '../labels.js';

/** The words of <bantin-date-picker> (and the shared ones); their English is in `en.ts`. */
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
};

export const datePickerLabel = labelsFor(DATE_PICKER_LABELS);
