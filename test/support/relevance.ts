/**
 * Real headlines of vi-news-danes.feed.json, and what a reader would type to
 * find them: no tone marks, partial words, a typo. Each headline must come
 * in the top 3.
 */
export const RELEVANCE: [query: string, id: string, headline: string][] = [
  ['taxi khong nguoi lai', 'danes:785469', 'Dubai thử nghiệm dịch vụ taxi không người lái'],
  ['benh coi xuong tre', 'danes:786843', 'Sai lầm thường gặp về bệnh còi xương ở trẻ'],
  ['3 con bao bien dong', 'danes:787003', 'Cảnh báo khả năng xuất hiện liên tiếp 3 cơn bão trên Biển Đông'],
  ['trai nghiem iphone 13', 'danes:786403', 'Trải nghiệm thực tế iPhone 13 Pro: Hoàn hảo đến từng chi tiết'],
  ['facebok te liet', 'danes:787033', 'Nguyên nhân khiến cho mọi dịch vụ của Facebook bị tê liệt khắp toàn cầu'],
  ['day hoc onlin', 'danes:785287', 'Những điều giáo viên cần biết để dạy học online hiệu quả nhất'],
  ['thien tai piano', 'danes:787075', 'Thiên tài piano Trung Quốc bị tẩy chay vì mua dâm'],
  ['vac xin covax', 'danes:786975', 'Chủ tịch Quốc hội: Đề nghị Bỉ hỗ trợ vắc-xin cho Việt Nam thông qua COVAX'],
  ['khi nem gach', 'danes:786282', 'Người đàn ông bị khỉ ném gạch tử vong'],
  ['kawasaky ninja', 'danes:785993', 'Kawasaki Ninja ZX-10R và Ninja H2 Carbon 2021 ra mắt Việt Nam, giá 729 triệu và 1,299 tỷ đồng'],
  ['phi co toi mat', 'danes:786694', 'Phi cơ tối mật của CIA chỉ dành cho đàn ông đã lấy vợ!'],
  ['squid game bi kien', 'danes:785867', "Bom tấn 'Squid Game' bị kiện vì sử dụng số điện thoại thật trong phim"],
  ['duong len dinh olimpia nhat ban', 'danes:787025', 'Cựu thí sinh Đường lên đỉnh Olympia ‘vỡ mộng’ khi du học Nhật Bản'],
  ['mike tyson', 'danes:785952', 'Bao nhiêu tiền mới có thể khiến Mike Tyson quyết đấu với anh em Paul?'],
  ['thanh pho ma tan cuong', 'danes:786558', '"Thành phố ma" Tân Cương cứ đêm đêm lại nghe tiếng gào khóc: Chuyên gia địa lý giải thích rõ ngọn ngành, du khách bớt nỗi lo'],
  ['bphone 5g', 'danes:785755', 'Bphone 5G ra mắt vào tháng 12'],
  ['com chien toi ot', 'danes:786952', 'Cách làm cơm chiên tỏi ớt mềm ngon hấp dẫn đơn giản cho bữa sáng'],
  ['elden ring', 'danes:785996', 'Nhà quản lý FromSoftware chia sẻ tin vui về Elden Ring với người hâm mộ'],
  ['trang tri ban tiec ngay cuoi', 'danes:785884', 'Cách trang trí bàn tiệc kỷ niệm ngày cưới'],
  ['evergrand vo no', 'danes:786329', 'Evergrande tránh vỡ nợ phút chót nhờ được các ngân hàng cứu?'],
  ['thanh long trung quoc', 'danes:794757', 'Trung Quốc thông quan nhập khẩu trở lại với thanh long Việt Nam'],
  ['hoc bong nguyen thi minh khai', 'danes:786879', 'Trao 180 suất học bổng Nguyễn Thị Minh Khai cho các nữ sinh'],
  ['hair salon me ot dong da', 'danes:786343', 'Khẩn: Hà Nội tìm người đến Hair Salon Mẹ Ớt ở Đống Đa từ 8/10 – 22/10'],
  ['thu thuy sinh nhat chong', 'danes:785392', 'Thu Thủy mừng sinh nhật chồng trẻ'],
  ['cai luong ngan quynh', 'danes:785818', 'Ngân Quỳnh - Bỏ cải lương để giữ sinh mệnh cho con'],
  ['bac lieu f88 tam giam', 'danes:785209', 'Bạc Liêu: Làm lây lan dịch bệnh, Trưởng phòng công ty F88 bị tạm giam'],
  ['lua dao tin nhan thuong hieu', 'danes:785151', 'Cẩn trọng với chiêu thức lừa đảo tin nhắn thương hiệu'],
];
