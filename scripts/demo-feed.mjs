#!/usr/bin/env node
// Writes demo/feed.json and demo/feed-2.json: the seed page's article and the
// news around it, as a Quận 5 portal would publish them; and the same news as
// RSS 2.0 (demo/rss.xml, demo/rss-2.xml), as most portals publish today.
// Deterministic: run it again and the files do not change.
import { readFileSync, writeFileSync } from 'node:fs';

const seedText = readFileSync(new URL('../demo/seed-article.txt', import.meta.url), 'utf8');
const seedParagraphs = seedText.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// [id, date (Vietnam time), category, title, summary, second paragraph, views]
const NEWS = [
  ['5161', '2017-04-21T09:15', 'Tin tức sự kiện', 'Quận 5 tổng kết đợt cao điểm ra quân lập lại trật tự lòng lề đường', 'Sau một tháng ra quân, Ủy ban nhân dân Quận 5 đã xử lý hơn 1.200 trường hợp lấn chiếm lòng lề đường trên 46 tuyến đường chính.', 'Đoàn kiểm tra liên ngành sẽ tiếp tục duy trì kiểm tra vào các khung giờ cao điểm, đồng thời vận động hộ kinh doanh ký cam kết không tái lấn chiếm.', 412],
  ['5160', '2017-04-20T16:40', 'Văn hóa - Xã hội', 'Ngày hội đọc sách tại Nhà Văn hóa Thiếu nhi Quận 5', 'Hơn 3.000 đầu sách được trưng bày, trao đổi miễn phí nhân Ngày Sách Việt Nam 21/4.', 'Chương trình có các hoạt động kể chuyện theo sách, vẽ tranh và đổi sách cũ lấy sách mới dành cho học sinh tiểu học và trung học cơ sở.', 233],
  ['5159', '2017-04-18T10:05', 'Cải cách hành chính', 'Tiếp nhận hồ sơ cấp phép xây dựng qua mạng tại Quận 5', 'Từ ngày 15/4, người dân có thể nộp hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ qua cổng dịch vụ công trực tuyến mức độ 3.', 'Thời gian giải quyết hồ sơ rút ngắn còn 12 ngày làm việc; kết quả có thể nhận tại Bộ phận một cửa hoặc qua dịch vụ bưu chính công ích.', 958],
  ['5158', '2017-04-14T14:30', 'Y tế - Giáo dục', 'Phường 7 ra quân diệt lăng quăng, phòng chống sốt xuất huyết', 'Hơn 150 tình nguyện viên đã kiểm tra gần 2.000 hộ dân, xử lý 320 ổ chứa nước có lăng quăng.', 'Trung tâm Y tế quận khuyến cáo người dân đậy kín dụng cụ chứa nước, thay nước bình hoa hằng tuần và đến cơ sở y tế khi có dấu hiệu sốt cao.', 187],
  ['5157', '2017-04-14T08:00', 'Thông báo', 'Thông báo lịch tiếp công dân của Chủ tịch UBND Quận 5 tháng 4/2017', 'Chủ tịch Ủy ban nhân dân quận tiếp công dân định kỳ vào sáng thứ Năm tuần thứ ba, tại Trụ sở Tiếp công dân, 203 An Dương Vương.', 'Công dân đến liên hệ mang theo giấy tờ tùy thân và các tài liệu có liên quan đến nội dung khiếu nại, tố cáo, kiến nghị, phản ánh.', 301],
  ['5156', '2017-04-10T15:20', 'Kinh tế', 'Chợ Bình Tây sẵn sàng bước vào đợt trùng tu', 'Ban Quản lý chợ đã hoàn tất phương án bố trí chỗ kinh doanh tạm cho gần 2.300 tiểu thương trong thời gian trùng tu.', 'Công trình được thực hiện theo hướng giữ nguyên kiến trúc cổ, cải tạo hệ thống điện, phòng cháy chữa cháy và thoát nước.', 1204],
  ['5155', '2017-04-05T09:45', 'Quốc phòng - An ninh', 'Quận 5 hoàn thành giao nhận quân năm 2017', 'Lễ giao nhận quân diễn ra trang trọng tại Công viên Văn Lang với 168 thanh niên lên đường nhập ngũ, đạt 100% chỉ tiêu.', 'Lãnh đạo quận đã thăm hỏi, động viên và tặng quà các tân binh cùng gia đình, mong các em rèn luyện tốt, hoàn thành nhiệm vụ.', 520],
  ['5154', '2017-03-30T10:10', 'Tin tức sự kiện', 'Hội nghị sơ kết công tác quý I năm 2017 của Ủy ban nhân dân Quận 5', 'Tổng thu ngân sách quý I đạt 31% dự toán; các chỉ tiêu kinh tế - xã hội chủ yếu đều đạt và vượt kế hoạch.', 'Hội nghị đề ra nhiệm vụ trọng tâm quý II: chỉnh trang đô thị, đẩy mạnh cải cách hành chính và chuẩn bị kỳ thi tuyển sinh lớp 10.', 644],
  ['5153', '2017-03-26T07:30', 'Văn hóa - Xã hội', 'Ngày chạy Olympic vì sức khỏe toàn dân tại Quận 5', 'Gần 5.000 người dân, cán bộ, học sinh tham gia chạy hưởng ứng tại Công viên Văn Lang.', 'Hoạt động nhằm kỷ niệm 71 năm Ngày Thể thao Việt Nam, lan tỏa phong trào rèn luyện thân thể theo gương Bác Hồ vĩ đại.', 276],
  ['5152', '2017-03-24T14:00', 'Y tế - Giáo dục', 'Tuyển sinh lớp 1 năm học 2017–2018: công bố địa bàn tuyển sinh', 'Phòng Giáo dục và Đào tạo quận công bố địa bàn tuyển sinh của 22 trường tiểu học công lập.', 'Phụ huynh đăng ký trực tuyến từ ngày 1/6; hồ sơ gồm bản sao giấy khai sinh và sổ hộ khẩu hoặc giấy xác nhận cư trú.', 1533],
  ['5151', '2017-03-20T09:00', 'Cải cách hành chính', 'Khảo sát mức độ hài lòng của người dân tại Bộ phận một cửa', 'Kết quả khảo sát quý I cho thấy 96,4% người dân hài lòng với thái độ phục vụ của cán bộ tiếp nhận hồ sơ.', 'Người dân có thể góp ý qua phiếu khảo sát, đường dây nóng hoặc hộp thư điện tử của Ủy ban nhân dân quận.', 198],
  ['5150', '2017-03-20T08:30', 'Kinh tế', 'Đối thoại với doanh nghiệp về thủ tục thuế và hải quan', 'Hơn 120 doanh nghiệp trên địa bàn đã nêu 35 kiến nghị về hóa đơn điện tử, hoàn thuế và thủ tục xuất nhập khẩu.', 'Chi cục Thuế quận trả lời trực tiếp tại hội nghị và cam kết phản hồi bằng văn bản các kiến nghị còn lại trong 15 ngày.', 367],
  ['5149', '2017-03-15T15:45', 'Tin tức sự kiện', 'Đoàn đại biểu Quận 5 thăm và làm việc tại huyện Cần Giờ', 'Hai địa phương trao đổi kinh nghiệm về xây dựng nông thôn mới và chương trình giảm nghèo bền vững.', 'Quận 5 trao tặng 50 suất học bổng cho học sinh nghèo hiếu học và hỗ trợ xây dựng 2 căn nhà tình thương tại xã Thạnh An.', 255],
  ['5148', '2017-03-10T10:20', 'Văn hóa - Xã hội', 'Họp mặt kỷ niệm 107 năm Ngày Quốc tế Phụ nữ 8/3', 'Hội Liên hiệp Phụ nữ quận tuyên dương 45 cán bộ, hội viên tiêu biểu trong phong trào thi đua.', 'Dịp này, hội trao 30 phần quà cho phụ nữ có hoàn cảnh khó khăn và ra mắt câu lạc bộ phụ nữ khởi nghiệp.', 189],
  ['5147', '2017-03-08T09:00', 'Thông báo', 'Thông báo tạm ngừng cung cấp điện khu vực phường 11, 12', 'Điện lực Chợ Lớn tạm ngừng cung cấp điện từ 7 giờ đến 15 giờ ngày 12/3/2017 để bảo trì lưới điện.', 'Khu vực bị ảnh hưởng gồm một phần các đường Hải Thượng Lãn Ông, Châu Văn Liêm và Lương Nhữ Học.', 742],
  ['5146', '2017-03-06T14:10', 'Quốc phòng - An ninh', 'Công an Quận 5 triệt phá băng nhóm trộm cắp xe máy', 'Công an quận bắt giữ 4 đối tượng, thu hồi 11 xe máy, đã trả lại cho người bị hại.', 'Công an khuyến cáo người dân sử dụng khóa chống trộm, gửi xe tại nơi có người trông giữ và trình báo ngay khi bị mất tài sản.', 983],
  ['5145', '2017-03-03T08:15', 'Y tế - Giáo dục', 'Khám sức khỏe miễn phí cho người cao tuổi phường 1', 'Hơn 400 người cao tuổi được khám, tư vấn và cấp thuốc miễn phí tại Trạm Y tế phường 1.', 'Chương trình do Trung tâm Y tế quận phối hợp Bệnh viện Chợ Rẫy thực hiện, tập trung tầm soát tăng huyết áp và đái tháo đường.', 164],
  ['5144', '2017-03-01T10:00', 'Kinh tế', 'Phố ẩm thực Hà Tôn Quyền thu hút du khách', 'Sau hai tháng hoạt động, tuyến phố ẩm thực đón khoảng 2.000 lượt khách mỗi tối cuối tuần.', 'Quận đang hoàn thiện quy chế quản lý, bảo đảm vệ sinh an toàn thực phẩm và trật tự giao thông trên tuyến phố.', 1120],
  ['5143', '2017-02-28T09:30', 'Tin tức sự kiện', 'Quận ủy Quận 5 triển khai Nghị quyết Trung ương 4 khóa XII', 'Hơn 800 cán bộ chủ chốt dự hội nghị học tập, quán triệt Nghị quyết về tăng cường xây dựng, chỉnh đốn Đảng.', 'Các chi bộ, đảng bộ cơ sở hoàn thành việc xây dựng kế hoạch thực hiện và tổ chức sinh hoạt chuyên đề trong tháng 3.', 433],
  ['5142', '2017-02-27T13:35', 'Tin tức sự kiện', 'Hội nghị Ban Chấp hành Đảng bộ Quận khóa XI', null, null, 770],
  ['5141', '2017-02-27T08:20', 'Y tế - Giáo dục', 'Họp mặt kỷ niệm 62 năm Ngày Thầy thuốc Việt Nam', 'Ngành y tế quận biểu dương 28 tập thể và 64 cá nhân có thành tích xuất sắc năm 2016.', 'Lãnh đạo quận ghi nhận nỗ lực của đội ngũ y, bác sĩ trong phòng chống dịch bệnh và chăm sóc sức khỏe ban đầu cho người dân.', 146],
  ['5140', '2017-02-24T15:00', 'Cải cách hành chính', 'Quận 5 công bố danh mục 213 thủ tục hành chính', 'Danh mục được niêm yết công khai tại Bộ phận một cửa quận, phường và trên Cổng thông tin điện tử của quận.', 'Mỗi thủ tục ghi rõ thành phần hồ sơ, thời hạn giải quyết và lệ phí, giúp người dân chuẩn bị đầy đủ trước khi nộp.', 388],
  ['5139', '2017-02-22T09:40', 'Văn hóa - Xã hội', 'Lễ hội Tết Nguyên tiêu của người Hoa Quận 5 năm 2017', 'Lễ hội thu hút hàng chục nghìn lượt người tham gia với các hoạt động rước đèn, múa lân sư rồng và thả hoa đăng.', 'Đây là lễ hội truyền thống đặc sắc của cộng đồng người Hoa, góp phần quảng bá hình ảnh Quận 5 đến du khách trong và ngoài nước.', 2051],
  ['5138', '2017-02-15T10:30', 'Kinh tế', 'Hội nghị giao ban doanh nghiệp đầu năm 2017', 'Doanh nghiệp trên địa bàn kiến nghị tháo gỡ vướng mắc về mặt bằng kinh doanh và vốn vay ưu đãi.', 'Ủy ban nhân dân quận cam kết đồng hành, giải quyết nhanh thủ tục đăng ký kinh doanh trong 3 ngày làm việc.', 279],
  ['5137', '2017-02-10T08:00', 'Quốc phòng - An ninh', 'Ra quân đảm bảo an ninh trật tự sau Tết Nguyên đán', 'Lực lượng công an, dân quân tăng cường tuần tra tại các khu chợ, trung tâm thương mại và điểm tham quan.', 'Các phường được yêu cầu rà soát người tạm trú mới, nắm tình hình lao động quay lại sau Tết.', 215],
  ['5136', '2017-02-06T09:00', 'Tin tức sự kiện', 'Lãnh đạo quận thăm, chúc mừng các đơn vị trực Tết', 'Đoàn lãnh đạo quận đã thăm, tặng quà cán bộ, chiến sĩ Công an quận, Ban Chỉ huy Quân sự và các bệnh viện trên địa bàn.', 'Các đơn vị đã bảo đảm trực 24/24 giờ, không để xảy ra sự cố nghiêm trọng trong dịp Tết Đinh Dậu.', 198],
  ['5135', '2017-01-25T16:00', 'Thông báo', 'Lịch nghỉ Tết Nguyên đán Đinh Dậu 2017 của cơ quan hành chính', 'Cán bộ, công chức nghỉ Tết từ ngày 26/1 đến hết ngày 1/2/2017 (tức 29 tháng Chạp đến mùng 5 tháng Giêng).', 'Bộ phận một cửa quận làm việc trở lại từ sáng ngày 2/2/2017; các trường hợp khẩn cấp liên hệ đường dây nóng của quận.', 1402],
  ['5134', '2017-01-20T09:20', 'Văn hóa - Xã hội', 'Trao 2.500 phần quà Tết cho hộ nghèo, gia đình chính sách', 'Tổng giá trị quà Tết năm nay gần 2 tỷ đồng, từ ngân sách và nguồn vận động mạnh thường quân.', 'Quận bảo đảm mọi gia đình chính sách, hộ nghèo, hộ cận nghèo đều có điều kiện đón Tết vui tươi, đầm ấm.', 341],
  ['5133', '2017-01-16T10:00', 'Kinh tế', 'Đường hoa Tết phố Hải Thượng Lãn Ông chuẩn bị khai mạc', 'Tuyến đường hoa dài 300 mét tái hiện không gian phố cổ Chợ Lớn, mở cửa từ ngày 24/1 đến mùng 6 Tết.', 'Ban tổ chức bố trí bãi giữ xe miễn phí và lực lượng hướng dẫn giao thông phục vụ người dân tham quan.', 866],
  ['5132', '2017-01-12T08:45', 'Tin tức sự kiện', 'Hội nghị tổng kết công tác năm 2016 của Quận 5', 'Năm 2016, tổng thu ngân sách trên địa bàn đạt 104% dự toán; 100% phường hoàn thành chỉ tiêu giảm nghèo.', 'Năm 2017, quận tập trung chỉnh trang đô thị, phát triển thương mại - dịch vụ và nâng cao chất lượng phục vụ người dân.', 587],
  // --- page 2: older ---
  ['5131', '2017-01-06T14:30', 'Y tế - Giáo dục', 'Sơ kết học kỳ I năm học 2016–2017', 'Tỷ lệ học sinh khá, giỏi bậc trung học cơ sở đạt 78,2%, tăng 2,5% so với cùng kỳ.', 'Ngành giáo dục quận đặt mục tiêu giữ vững tỷ lệ học sinh lên lớp và nâng chất lượng dạy học ngoại ngữ.', 233],
  ['5130', '2016-12-28T09:10', 'Cải cách hành chính', 'Ứng dụng phần mềm quản lý văn bản tại 15 phường', 'Từ năm 2017, văn bản đi, đến giữa quận và phường được gửi nhận hoàn toàn trên môi trường mạng.', 'Việc số hóa giúp tiết kiệm chi phí in ấn và rút ngắn thời gian luân chuyển văn bản từ 2 ngày xuống còn vài giờ.', 176],
  ['5129', '2016-12-22T08:00', 'Quốc phòng - An ninh', 'Kỷ niệm 72 năm Ngày thành lập Quân đội nhân dân Việt Nam', 'Ban Chỉ huy Quân sự quận tổ chức họp mặt truyền thống, tuyên dương các tập thể, cá nhân tiêu biểu.', 'Quận cũng tổ chức thăm hỏi, tặng quà gia đình chính sách và cựu chiến binh có hoàn cảnh khó khăn.', 155],
  ['5128', '2016-12-16T15:30', 'Văn hóa - Xã hội', 'Liên hoan văn nghệ quần chúng các phường năm 2016', '15 đội văn nghệ tham gia với hơn 60 tiết mục ca, múa, nhạc mang đậm bản sắc các dân tộc.', 'Giải nhất toàn đoàn thuộc về phường 14 với tiết mục múa lân và hợp xướng về Thành phố mang tên Bác.', 120],
  ['5127', '2016-12-09T10:00', 'Kinh tế', 'Bình ổn giá hàng hóa phục vụ Tết Đinh Dậu', 'Các điểm bán hàng bình ổn giá được mở rộng đến chợ truyền thống và cửa hàng tiện lợi trên địa bàn.', 'Lượng hàng dự trữ tăng 15% so với Tết năm trước, tập trung vào thịt, trứng, rau củ và thực phẩm chế biến.', 298],
  ['5126', '2016-12-01T09:00', 'Y tế - Giáo dục', 'Hưởng ứng Tháng hành động quốc gia phòng, chống HIV/AIDS', 'Quận tổ chức mít tinh, tư vấn và xét nghiệm HIV tự nguyện miễn phí cho người dân.', 'Trung tâm Y tế quận đang quản lý, điều trị ARV cho hơn 600 người, tỷ lệ tuân thủ điều trị đạt trên 90%.', 134],
  ['5125', '2016-11-25T14:00', 'Tin tức sự kiện', 'Kỳ họp thứ ba Hội đồng nhân dân Quận 5 khóa X', 'Các đại biểu thông qua nghị quyết về nhiệm vụ phát triển kinh tế - xã hội và dự toán ngân sách năm 2017.', 'Tại phiên chất vấn, đại biểu tập trung vào vấn đề ngập nước, chỉnh trang vỉa hè và an toàn vệ sinh thực phẩm.', 402],
  ['5124', '2016-11-18T08:30', 'Văn hóa - Xã hội', 'Ngày hội Đại đoàn kết toàn dân tộc tại các khu phố', '100% khu phố tổ chức Ngày hội Đại đoàn kết, biểu dương gia đình văn hóa tiêu biểu.', 'Nhiều khu phố đã vận động xây dựng nhà tình thương, trao học bổng và hỗ trợ sinh kế cho hộ khó khăn.', 111],
  ['5123', '2016-11-18T08:00', 'Y tế - Giáo dục', 'Họp mặt kỷ niệm 34 năm Ngày Nhà giáo Việt Nam', 'Quận khen thưởng 120 giáo viên giỏi, chiến sĩ thi đua và nhà giáo có nhiều năm gắn bó với nghề.', 'Lãnh đạo quận mong đội ngũ nhà giáo tiếp tục đổi mới phương pháp dạy học, lấy học sinh làm trung tâm.', 167],
  ['5122', '2016-11-10T10:15', 'Cải cách hành chính', 'Thí điểm trả kết quả hồ sơ qua bưu điện', 'Người dân đăng ký nhận kết quả tại nhà khi nộp hồ sơ cấp bản sao, chứng thực và hộ tịch.', 'Sau 3 tháng thí điểm, gần 1.500 hồ sơ đã được trả qua bưu điện, tiết kiệm thời gian đi lại cho người dân.', 219],
  ['5121', '2016-11-02T09:00', 'Quốc phòng - An ninh', 'Diễn tập phòng cháy chữa cháy tại chợ Kim Biên', 'Buổi diễn tập có sự tham gia của 200 người, 6 xe chữa cháy và lực lượng phòng cháy cơ sở.', 'Tình huống giả định cháy tại khu hàng hóa chất được khống chế trong 15 phút, không có thương vong.', 331],
  ['5120', '2016-10-27T15:20', 'Kinh tế', 'Tuần lễ hàng Việt tại Trung tâm Văn hóa Quận 5', 'Hơn 80 gian hàng của doanh nghiệp sản xuất trong nước giới thiệu sản phẩm với giá ưu đãi.', 'Chương trình nằm trong cuộc vận động "Người Việt Nam ưu tiên dùng hàng Việt Nam".', 143],
  ['5119', '2016-10-20T08:40', 'Văn hóa - Xã hội', 'Kỷ niệm 86 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam', 'Hội Liên hiệp Phụ nữ quận tổ chức hội thi "Phụ nữ duyên dáng, tài năng" và trao vốn vay cho hội viên.', 'Đến nay, hội đã giúp hơn 300 hội viên vay vốn phát triển kinh tế gia đình, nhiều hộ thoát nghèo bền vững.', 98],
  ['5118', '2016-10-14T09:30', 'Tin tức sự kiện', 'Đại hội Hội Cựu chiến binh Quận 5 nhiệm kỳ 2017–2022', 'Đại hội bầu Ban Chấp hành gồm 19 đồng chí và đề ra mục tiêu xây dựng hội trong sạch, vững mạnh.', 'Hội Cựu chiến binh quận tiếp tục phát huy truyền thống "Bộ đội Cụ Hồ", tham gia bảo vệ an ninh trật tự tại khu dân cư.', 87],
  ['5117', '2016-10-07T14:00', 'Thông báo', 'Thông báo tuyển dụng viên chức giáo dục năm 2016', 'Phòng Giáo dục và Đào tạo tuyển 45 giáo viên mầm non, tiểu học và trung học cơ sở.', 'Hồ sơ nhận từ ngày 10/10 đến 28/10/2016 tại Phòng Nội vụ quận; chi tiết xem tại bảng thông báo của quận.', 650],
  ['5116', '2016-10-01T08:00', 'Y tế - Giáo dục', 'Tiêm vắc xin sởi - rubella cho trẻ 1–5 tuổi', 'Các trạm y tế phường tổ chức tiêm miễn phí trong tháng 10 cho trẻ chưa tiêm đủ mũi.', 'Phụ huynh mang theo sổ tiêm chủng của trẻ; trẻ đang sốt hoặc mắc bệnh cấp tính sẽ được hẹn tiêm sau.', 276],
];

// Illustrations by category (demo/images/): the seed article, like the real page, has none.
const IMAGES = {
  'Tin tức sự kiện': 'tin-1.svg',
  'Văn hóa - Xã hội': 'tin-2.svg',
  'Kinh tế': 'tin-3.svg',
  'Y tế - Giáo dục': 'tin-4.svg',
};

const ONE_PAGE = 30; // the newest 30 on page 1, the rest on page 2

function toItem([id, date, category, title, summary, more, views], i) {
  const isSeed = summary === null;
  const paragraphs = isSeed ? seedParagraphs : [summary, more];
  const item = {
    id,
    url: `/?id=${id}`,
    title,
    summary: isSeed ? seedParagraphs[0].slice(0, 180).replace(/\s+\S*$/, '') + '…' : summary,
    content_html: paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n'),
    date_published: `${date}:00+07:00`,
    tags: [category],
    _bantin: { category, views },
  };
  if (isSeed) {
    item.attachments = [{ url: 'video/video-demo.webm', mime_type: 'video/webm', title: 'Video demo' }];
  }
  if (!isSeed && i % 3 === 1) item.image = `images/${IMAGES[category] ?? 'tin-1.svg'}`;
  return item;
}

const items = NEWS.map(toItem);
const page1 = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Cổng thông tin điện tử Quận 5',
  home_page_url: '/',
  feed_url: 'feed.json',
  next_url: 'feed-2.json',
  language: 'vi',
  _bantin: { visits: 19467540 },
  items: items.slice(0, ONE_PAGE),
};
const page2 = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Cổng thông tin điện tử Quận 5',
  home_page_url: '/',
  feed_url: 'feed-2.json',
  language: 'vi',
  _bantin: { visits: 19467540 },
  items: items.slice(ONE_PAGE),
};
writeFileSync(new URL('../demo/feed.json', import.meta.url), JSON.stringify(page1, null, 1) + '\n');
writeFileSync(new URL('../demo/feed-2.json', import.meta.url), JSON.stringify(page2, null, 1) + '\n');
console.log(`demo/feed.json: ${page1.items.length} items; demo/feed-2.json: ${page2.items.length} items`);

// The RSS version: what a portal's CMS writes. Links lead to the RSS demo page.
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** '2017-02-27T13:35:00+07:00' → 'Mon, 27 Feb 2017 13:35:00 +0700' (the wall time stays Vietnam's). */
function rfc822(iso) {
  const [, y, mo, d, time] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})\+07:00$/.exec(iso);
  const weekday = DAYS[new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDay()];
  return `${weekday}, ${d} ${MONTHS[+mo - 1]} ${y} ${time} +0700`;
}
const cdata = (s) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const MIME = { svg: 'image/svg+xml', webm: 'video/webm' };
function rssItem(item) {
  const files = [...(item.attachments ?? []).map((a) => a.url), ...(item.image ? [item.image] : [])];
  return [
    '  <item>',
    `   <guid isPermaLink="false">${item.id}</guid>`,
    `   <title>${esc(item.title)}</title>`,
    `   <link>/rss.html?id=${item.id}</link>`,
    `   <description>${esc(item.summary)}</description>`,
    `   <content:encoded>${cdata(item.content_html)}</content:encoded>`,
    `   <category>${esc(item._bantin.category)}</category>`,
    `   <pubDate>${rfc822(item.date_published)}</pubDate>`,
    ...files.map((url) => `   <enclosure url="${url}" type="${MIME[url.split('.').pop()]}" length="0"/>`),
    '  </item>',
  ].join('\n');
}
function rss(pageItems, self, next) {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    ' <channel>',
    '  <title>Cổng thông tin điện tử Quận 5</title>',
    '  <link>/rss.html</link>',
    '  <description>Tin tức sự kiện Quận 5</description>',
    '  <language>vi</language>',
    `  <atom:link rel="self" type="application/rss+xml" href="${self}"/>`,
    ...(next ? [`  <atom:link rel="next" type="application/rss+xml" href="${next}"/>`] : []),
    ...pageItems.map(rssItem),
    ' </channel>',
    '</rss>',
    '',
  ].join('\n');
}
writeFileSync(new URL('../demo/rss.xml', import.meta.url), rss(page1.items, 'rss.xml', 'rss-2.xml'));
writeFileSync(new URL('../demo/rss-2.xml', import.meta.url), rss(page2.items, 'rss-2.xml', null));
console.log(`demo/rss.xml, demo/rss-2.xml: the same news as RSS 2.0`);
