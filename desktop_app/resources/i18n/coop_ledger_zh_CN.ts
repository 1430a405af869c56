<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: %1

Your saved records are safe. Details were written to %2.</source>
        <translation>出现问题：%1

已保存的记录不受影响。详细信息已写入 %2。</translation>
    </message>
    <message>
        <source>Translation missing</source>
        <translation>缺少中文翻译</translation>
    </message>
    <message>
        <source>The Chinese translation of the program was not found:
%1

The program will run in English. Reinstall it to get Chinese back.</source>
        <translation>未找到本程序的中文翻译文件：
%1

程序将以英文运行。重新安装本程序即可恢复中文。</translation>
    </message>
    <message>
        <source>No Chinese font</source>
        <translation>缺少中文字体 / No Chinese font</translation>
    </message>
    <message>
        <source>No font for Simplified Chinese is installed on this computer, so Chinese text in the window, on printed sheets and in PDF files shows as empty boxes.

Install a Chinese font (on Windows the Chinese supplemental fonts with SimSun; on Linux fonts-noto-cjk) and start the program again.</source>
        <translation>本机未安装简体中文字体，窗口、打印的报表和 PDF 文件中的中文都会显示为空白方框。

请安装中文字体（Windows 上为含宋体的中文补充字体，Linux 上为 fonts-noto-cjk）后重新启动本程序。

No font for Simplified Chinese is installed on this computer, so Chinese text in the window, on printed sheets and in PDF files shows as empty boxes.

Install a Chinese font (on Windows the Chinese supplemental fonts with SimSun; on Linux fonts-noto-cjk) and start the program again.</translation>
    </message>
    <message>
        <source>Cooperation Ledger</source>
        <translation>合作台账</translation>
    </message>
</context>
<context>
    <name>AttachmentsView</name>
    <message>
        <source>Drop files here, or use Add file…</source>
        <translation>把文件拖到这里，或点击“添加文件…”</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Could not add:</source>
        <translation>无法添加：</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Remove %1 from this record?</source>
        <translation>从此记录中移除 %1？</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No data for this year</source>
        <translation>本年暂无数据</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Category lists</source>
        <translation>分类词表</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>New word:</source>
        <translation>新词：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>This word is already in the list.</source>
        <translation>词表中已有这个词。</translation>
    </message>
    <message>
        <source>%1 records now use the new word.</source>
        <translation>已有 %1 条记录改用新词。</translation>
    </message>
    <message>
        <source>A word of this list cannot hold %1: records keep several of its words joined by them. Write it another way, e.g. 研发与中试.</source>
        <translation>此列表中的词不能含有 %1：记录中的多个词用这些符号连接。请换一种写法，例如“研发与中试”。</translation>
    </message>
</context>
<context>
    <name>ChangeLogPage</name>
    <message>
        <source>All record types</source>
        <translation>全部记录类型</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>校验变更链</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>All operators</source>
        <translation>全部操作人</translation>
    </message>
    <message>
        <source>%1 changes shown. Ledger code %2</source>
        <translation>显示 %1 条变更。台账校验码 %2</translation>
    </message>
    <message>
        <source>%1: its history says it was deleted, yet it is in the ledger</source>
        <translation>%1：变更记录显示它已删除，台账中却仍有它</translation>
    </message>
    <message>
        <source>%1: the history says it exists, the ledger does not hold it</source>
        <translation>%1：变更记录显示它存在，台账中却没有</translation>
    </message>
    <message>
        <source>%1: it is in the ledger but its history never created it</source>
        <translation>%1：台账中有这条记录，变更记录中却没有它的新建</translation>
    </message>
    <message>
        <source>%1: %2 is “%3”, its history says “%4”</source>
        <translation>%1：%2 为“%3”，变更记录应为“%4”</translation>
    </message>
    <message>
        <source>Verifying the change history…</source>
        <translation>正在校验变更记录…</translation>
    </message>
    <message>
        <source>The change history was cut or extended outside the program.</source>
        <translation>变更记录在程序之外被删减或增添。</translation>
    </message>
    <message>
        <source>The change history differs from the backup made %1: entries were rewritten outside the program.</source>
        <translation>变更记录与 %1 的备份不一致：有记录在本程序之外被改写。</translation>
    </message>
    <message>
        <source>%1 records differ from their history: they were changed outside the program. The first: %2</source>
        <translation>%1 条记录与变更记录不符，曾在本程序之外被改动。第一条：%2</translation>
    </message>
    <message>
        <source>The change history is intact. Ledger code %1</source>
        <translation>变更记录完整无误。台账校验码 %1</translation>
    </message>
    <message>
        <source>The change history was altered outside the program, from entry %1 on.</source>
        <translation>变更记录曾在本程序之外被改动（自第 %1 条起）。</translation>
    </message>
</context>
<context>
    <name>ChildrenEditor</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>添加一条</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>删除一条</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Saved meanwhile on another PC</source>
        <translation>已在另一台电脑上保存</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>他人</translation>
    </message>
    <message>
        <source>%1 saved this record at %2, after you opened it. Nothing of yours is saved yet. Fields only one of you changed are taken from that side; choose where you both changed the same field.</source>
        <translation>%1 在您打开这条记录之后（%2）保存了它。您的修改尚未保存。只有一方改动的字段取该方的值；双方都改动的字段请您选择。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>您打开时</translation>
    </message>
    <message>
        <source>Saved by %1</source>
        <translation>%1 保存的</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <source>Merge takes</source>
        <translation>合并时采用</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Save merged</source>
        <translation>合并保存</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>Save their changes and yours together, as chosen in the last column</source>
        <translation>按最后一列的选择，把对方的修改和您的修改一起保存</translation>
    </message>
    <message>
        <source>Save what is in your form over their save</source>
        <translation>用您表单中的内容覆盖对方的保存</translation>
    </message>
    <message>
        <source>Show their save in the form and drop your changes (nothing is saved)</source>
        <translation>在表单中显示对方保存的内容，放弃您的修改（不保存）</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Pick a date from the calendar</source>
        <translation>从日历中选择日期</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Print dossier…</source>
        <translation>打印档案…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>This record is no longer in the ledger.</source>
        <translation>这条记录已不在台账中。</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>未填日期</translation>
    </message>
    <message>
        <source>Timeline (%1)</source>
        <translation>时间线（%1）</translation>
    </message>
    <message>
        <source>Linked records (%1)</source>
        <translation>关联记录（%1）</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>变更历史（%1）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>No other record is linked to this one yet.</source>
        <translation>还没有其他记录与此记录关联。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Make hand-in package</source>
        <translation>生成报送包</translation>
    </message>
    <message>
        <source>The package holds every record of %1 added, changed or deleted since the last package, with their attachments. Send it to the talent office by e-mail or on a USB stick; it is signed, so any change to it on the way is found.</source>
        <translation>报送包包含%1自上次报送以来新增、修改和删除的全部记录及其附件。请通过电子邮件或U盘交给人才办；报送包带有签名，途中的任何改动都会被发现。</translation>
    </message>
    <message>
        <source>Hand-in packages (*.cledger)</source>
        <translation>报送包 (*.cledger)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报送期间</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Make the package</source>
        <translation>生成报送包</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Location class</source>
        <translation>所在地类别</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Relationship stage</source>
        <translation>合作阶段</translation>
    </message>
    <message>
        <source>First contact date</source>
        <translation>首次联系日期</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队领导</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成效</translation>
    </message>
    <message>
        <source>Outcome figures</source>
        <translation>成效数据</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Term start</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <source>Term end</source>
        <translation>有效期止</translation>
    </message>
    <message>
        <source>Cooperation areas</source>
        <translation>合作领域</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>合作协议</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>建立日期</translation>
    </message>
    <message>
        <source>Plaque date</source>
        <translation>授牌日期</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Support items</source>
        <translation>保障事项</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>节点进展</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>学历学位</translation>
    </message>
    <message>
        <source>Academic title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Field of work</source>
        <translation>研究领域</translation>
    </message>
    <message>
        <source>Introduction mode</source>
        <translation>引进方式</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>合作项目</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>合作基地</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>效益</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Organizing unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Attending units</source>
        <translation>参会单位</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <source>Source meeting</source>
        <translation>来源会议</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Progress log</source>
        <translation>进展记录</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报送期间</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>应报日期</translation>
    </message>
    <message>
        <source>Submitted date</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Actual (override)</source>
        <translation>实际值（人工调整）</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>调整理由</translation>
    </message>
</context>
<context>
    <name>ForeignKeyEditor</name>
    <message>
        <source>View dossier</source>
        <translation>查看档案</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Search the whole ledger (Ctrl+K)</source>
        <translation>搜索全部台账（Ctrl+K）</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Show all %1</source>
        <translation>显示全部 %1 条</translation>
    </message>
</context>
<context>
    <name>Handin</name>
    <message>
        <source>%1 is not a hand-in package, or it is damaged (%2).</source>
        <translation>%1 不是报送包，或者已经损坏（%2）。</translation>
    </message>
    <message>
        <source>%1 is not a hand-in package of this program&apos;s format.</source>
        <translation>%1 不是本程序格式的报送包。</translation>
    </message>
    <message>
        <source>%1 is damaged (%2).</source>
        <translation>%1 已损坏（%2）。</translation>
    </message>
    <message>
        <source>%1 was altered after it was made (its signature does not match its contents), or it was not made by this unit&apos;s copy of the ledger.</source>
        <translation>%1 在生成后被改动过（签名与内容不符），或者不是由该单位的台账生成的。</translation>
    </message>
    <message>
        <source>%1 is incomplete (%2).</source>
        <translation>%1 不完整（%2）。</translation>
    </message>
    <message>
        <source>%1 is not a unit&apos;s hand-in package.</source>
        <translation>%1 不是单位的报送包。</translation>
    </message>
    <message>
        <source>This is a unit&apos;s copy of the ledger: packages are received at the office.</source>
        <translation>这是单位的台账副本：报送包应在人才办接收。</translation>
    </message>
    <message>
        <source>%1 was made for another office&apos;s ledger, not this one.</source>
        <translation>%1 是为另一个人才办的台账生成的，不是本台账。</translation>
    </message>
    <message>
        <source>%1 comes from a unit this ledger has not set up a copy for (%2).</source>
        <translation>%1 来自本台账尚未为其建立台账的单位（%2）。</translation>
    </message>
    <message>
        <source>%1 has no package number.</source>
        <translation>%1 没有报送包编号。</translation>
    </message>
    <message>
        <source>A different package numbered %1 from %2 was received on %3; this one was made by a copy that was restored or copied since. Ask the unit which is right.</source>
        <translation>%3 已接收过%2的另一个第%1号报送包；这一个是由恢复或复制过的台账生成的。请向该单位确认哪一个是正确的。</translation>
    </message>
    <message>
        <source>%1 is package %2 from %3, but package %4 is the next one to receive: receive the packages in the order they were made.</source>
        <translation>%1 是%3的第%2号报送包，但下一个应接收的是第%4号：请按生成的顺序接收报送包。</translation>
    </message>
    <message>
        <source>%1 carries records of a kind the office keeps (%2).</source>
        <translation>%1 含有由人才办维护的记录类型（%2）。</translation>
    </message>
    <message>
        <source>%1 holds a record without a proper identity.</source>
        <translation>%1 含有一条缺少有效标识的记录。</translation>
    </message>
    <message>
        <source>%1 holds a record this program cannot read.</source>
        <translation>%1 含有一条本程序无法读取的记录。</translation>
    </message>
    <message>
        <source>%1 carries a record of another unit (%2): %3 may only hand in its own.</source>
        <translation>%1 含有其他单位的记录（%2）：%3 只能报送本单位的记录。</translation>
    </message>
    <message>
        <source>%1: its %2 is a record the office&apos;s ledger does not hold.</source>
        <translation>%1：其%2在人才办的台账中不存在。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The package lacks the file %1.</source>
        <translation>报送包缺少文件 %1。</translation>
    </message>
    <message>
        <source>%1 is not an update from the talent office.</source>
        <translation>%1 不是人才办的更新包。</translation>
    </message>
    <message>
        <source>%1 is an update for a unit&apos;s ledger; open that unit&apos;s ledger to receive it.</source>
        <translation>%1 是发给单位台账的更新包，请打开该单位的台账接收。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>changed on both sides</source>
        <translation>双方都修改了</translation>
    </message>
    <message>
        <source>deleted here, changed by the sender</source>
        <translation>本处已删除，对方修改了</translation>
    </message>
    <message>
        <source>changed here, deleted by the sender</source>
        <translation>本处修改了，对方已删除</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新增）</translation>
    </message>
    <message>
        <source>Set up a unit&apos;s ledger</source>
        <translation>为单位建立台账</translation>
    </message>
    <message>
        <source>This is a unit&apos;s copy: units&apos; ledgers are set up at the office.</source>
        <translation>这是单位的台账副本：单位台账由人才办建立。</translation>
    </message>
    <message>
        <source>The ledger has no units yet. Add the units first.</source>
        <translation>台账中还没有责任单位，请先添加单位。</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 已存在，请另选文件名。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The ledger of %1 is ready: %2

It holds %3 shared records and %4 of the unit&apos;s own. Give the file to the unit; on its PC it is opened with this program, and its records come back as hand-in packages (File › Receive hand-in package…).</source>
        <translation>%1的台账已建立：%2

其中有 %3 条共用记录和 %4 条本单位记录。请把这个文件交给该单位，在其电脑上用本程序打开；该单位的记录将以报送包的形式交回（文件 › 接收报送包…）。</translation>
    </message>
    <message>
        <source>Make hand-in package</source>
        <translation>生成报送包</translation>
    </message>
    <message>
        <source>Hand-in packages are made on a unit&apos;s copy of the ledger. The talent office makes one for each unit with File › Set up a unit&apos;s ledger….</source>
        <translation>报送包在单位的台账副本上生成。人才办用“文件 › 为单位建立台账…”为每个单位建立台账。</translation>
    </message>
    <message>
        <source>“%1” is no period: write it as 2023年第三季度, 2023Q3, 2023年7月 or 2023年度.</source>
        <translation>“%1”不是有效的期间：请写成 2023年第三季度、2023Q3、2023年7月 或 2023年度。</translation>
    </message>
    <message>
        <source>Package no. %1 for %2 is written: %3

%4 new or changed records, %5 deleted, %6 attached files. Send the file to the talent office.</source>
        <translation>%2第%1号报送包已生成：%3

新增或修改 %4 条记录，删除 %5 条，附件 %6 个。请把这个文件交给人才办。</translation>
    </message>
    <message>
        <source>These attached files are missing from the attachments folder: %1</source>
        <translation>以下附件文件已不在附件文件夹中，未放入报送包：%1</translation>
    </message>
    <message>
        <source>Receive hand-in package</source>
        <translation>接收报送包</translation>
    </message>
    <message>
        <source>Hand-in packages (*.cledger);;All files (*)</source>
        <translation>报送包 (*.cledger);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Refused; nothing was written.</source>
        <translation>已拒收，台账没有任何改动。</translation>
    </message>
    <message>
        <source>Package no. %1 from %2 was received on %3 already; nothing changed.</source>
        <translation>%2的第%1号报送包已于 %3 接收过，本次没有任何改动。</translation>
    </message>
    <message>
        <source>Merged: %1 new, %2 changed, %3 deleted, %4 kept as the office had them, %5 files. The hand-in of %6 for %7 is marked 已报送.

Backup made first: %8</source>
        <translation>已合并：新增 %1 条，修改 %2 条，删除 %3 条，%4 处保留人才办的内容，附件 %5 个。%6%7的台账报送已标记为“已报送”。

合并前已备份：%8</translation>
    </message>
    <message>
        <source>Make update for a unit</source>
        <translation>生成单位更新包</translation>
    </message>
    <message>
        <source>This is a unit&apos;s copy: updates are made at the office.</source>
        <translation>这是单位的台账副本：更新包由人才办生成。</translation>
    </message>
    <message>
        <source>No unit has its own ledger yet: set one up with File › Set up a unit&apos;s ledger….</source>
        <translation>还没有为任何单位建立台账：请先用“文件 › 为单位建立台账…”建立。</translation>
    </message>
    <message>
        <source>Update no. %1 for %2 is written: %3

%4 records. Send the file to the unit.</source>
        <translation>%2的第%1号更新包已生成：%3

共 %4 条记录。请把这个文件交给该单位。</translation>
    </message>
    <message>
        <source>Receive update from the office</source>
        <translation>接收人才办更新包</translation>
    </message>
    <message>
        <source>Update no. %1 was received already; nothing changed.</source>
        <translation>第%1号更新包已经接收过，本次没有任何改动。</translation>
    </message>
    <message>
        <source>Received: %1 new, %2 changed, %3 deleted, %4 kept as they were here.

Backup made first: %5</source>
        <translation>已接收：新增 %1 条，修改 %2 条，删除 %3 条，%4 处保留本处的内容。

接收前已备份：%5</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>Cooperation Ledger keeps a county&apos;s ledger of cooperation with universities and research institutes.</source>
        <translation>合作台账：记录县里与高校、科研院所合作的台账。</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Ledger file: %1</source>
        <translation>台账文件：%1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>文件大小：%1</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>purged</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>on study visits</source>
        <translation>参观学习人数</translation>
    </message>
    <message>
        <source>kinds</source>
        <translation>类型数</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>合作协议</translation>
    </message>
    <message>
        <source>Bases</source>
        <translation>合作基地</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>合作项目</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>对接活动</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>成果转化</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报送期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Activities and participants by month</source>
        <translation>各月对接活动次数与参加人数</translation>
    </message>
    <message>
        <source>Talents by degree</source>
        <translation>人才学历结构</translation>
    </message>
    <message>
        <source>Institutions by province</source>
        <translation>合作院校所在省份</translation>
    </message>
    <message>
        <source>Assessment score by unit</source>
        <translation>各单位考核得分</translation>
    </message>
    <message>
        <source>Hand-ins not yet made</source>
        <translation>尚未报送的台账</translation>
    </message>
    <message>
        <source>Latest changes</source>
        <translation>最近的变更</translation>
    </message>
    <message>
        <source>%1 Mon</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动次数</translation>
    </message>
    <message>
        <source>Participants (hundreds)</source>
        <translation>参加人数（百人）</translation>
    </message>
    <message>
        <source>Not filled in</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2年 %1</translation>
    </message>
    <message>
        <source>Cumulative: %1</source>
        <translation>累计 %1</translation>
    </message>
    <message>
        <source>Follow-up tasks: %1 overdue, %2 due within 7 days</source>
        <translation>督办事项：逾期 %1 项，7 天内到期 %2 项</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Postpone</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>%1: %2 handed in, %3 late, %4 sent back, %5 not yet due</source>
        <translation>%1：已报送 %2 个，逾期 %3 个，已退回 %4 个，未到期 %5 个</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file is %1 MB; files over %2 MB are not imported. Split it into smaller files.</source>
        <translation>文件大小为 %1 MB，超过 %2 MB 的文件不能导入，请拆分成较小的文件。</translation>
    </message>
    <message>
        <source>This is not an Excel workbook (.xlsx, .xlsm, .xls) or a CSV file.</source>
        <translation>这不是 Excel 工作簿（.xlsx、.xlsm、.xls）或 CSV 文件。</translation>
    </message>
    <message>
        <source>The workbook cannot be read (%1). Open it in Excel or WPS and save it again.</source>
        <translation>无法读取该工作簿（%1）。请用 Excel 或 WPS 打开后重新保存。</translation>
    </message>
    <message>
        <source>The workbook is protected with a password. Open it in Excel or WPS, remove the password and save it again.</source>
        <translation>该工作簿设置了打开密码。请用 Excel 或 WPS 打开，取消密码后重新保存。</translation>
    </message>
    <message>
        <source>The file is a web page saved under an Excel name. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>该文件是以 Excel 文件名保存的网页。请用 Excel 或 WPS 打开后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The file is in the Excel 95 (or older) format. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>该文件是 Excel 95（或更早）格式。请用 Excel 或 WPS 打开后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The cells of sheet &quot;%1&quot; are spread over %2 rows × %3 columns, more than the %4 cells an .xls workbook may span here. Delete the stray cells far from the table, or save the file as .xlsx.</source>
        <translation>工作表“%1”的单元格分布在 %2 行 × %3 列的范围内，超过了 .xls 工作簿可读取的 %4 个单元格。请删除远离表格的零散单元格，或把文件另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The workbook unpacks to more than %1 MB; it is refused as too large or damaged.</source>
        <translation>该工作簿解压后超过 %1 MB，因过大或已损坏而不予导入。</translation>
    </message>
    <message>
        <source>The sheet has more than %1 rows. Split it into smaller files.</source>
        <translation>工作表超过 %1 行，请拆分成较小的文件。</translation>
    </message>
    <message>
        <source>The CSV file is not text in UTF-8 or GBK. Save it again as CSV (UTF-8).</source>
        <translation>该 CSV 文件不是 UTF-8 或 GBK 编码的文本。请重新另存为 CSV（UTF-8）。</translation>
    </message>
    <message>
        <source>The CSV file cannot be read: %1</source>
        <translation>无法读取该 CSV 文件：%1</translation>
    </message>
    <message>
        <source>The workbook has no sheet named &quot;%1&quot;.</source>
        <translation>工作簿中没有名为“%1”的工作表。</translation>
    </message>
    <message>
        <source>The workbook has no worksheet.</source>
        <translation>工作簿中没有工作表。</translation>
    </message>
    <message>
        <source>The file cannot be opened: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>The file does not exist (was it moved or renamed?).</source>
        <translation>文件不存在（是否已被移动或改名？）。</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>这是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>The file cannot be read: permission denied. Is it open in another program?</source>
        <translation>无法读取该文件：没有权限。文件是否正被其他程序打开？</translation>
    </message>
    <message>
        <source>No header row found: none of the first rows names the columns of %1, such as %2.</source>
        <translation>未找到表头：前面各行都没有写出%1的列名（例如“%2”）。</translation>
    </message>
    <message>
        <source>The file has no column for %1, which is required.</source>
        <translation>文件中缺少必填项“%1”这一列。</translation>
    </message>
    <message>
        <source>The sheet has no rows below the header.</source>
        <translation>表头下面没有数据行。</translation>
    </message>
    <message>
        <source>Only %1 of the %2 columns match the fields of %3. Is this the right kind of record?</source>
        <translation>%2 列中只有 %1 列能对应到%3的字段。导入的记录类型选对了吗？</translation>
    </message>
    <message>
        <source>%1: the cell holds several names; give each its own row.</source>
        <translation>%1：单元格中有多个名称，请每个名称单独占一行。</translation>
    </message>
    <message>
        <source>%1 cell(s) hold formulas that were never calculated (the file was last saved by another program), so they read as empty. Open the file in Excel or WPS, save it, and read it again.</source>
        <translation>有 %1 个单元格是从未计算过的公式（文件最后是由其他程序保存的），读出来是空的。请用 Excel 或 WPS 打开文件并保存，然后重新读取。</translation>
    </message>
    <message>
        <source>%1: cannot read this as a date; write it like 2023-09-04 or 2023年9月4日.</source>
        <translation>%1：无法识别为日期，请写成 2023-09-04 或 2023年9月4日 这样的格式。</translation>
    </message>
    <message>
        <source>%1: there is no such day in the calendar; check the month and the day.</source>
        <translation>%1：日历上没有这一天，请检查月份和日期。</translation>
    </message>
    <message>
        <source>%1: cannot read this as a number.</source>
        <translation>%1：无法识别为数字。</translation>
    </message>
    <message>
        <source>%1: the cell shows the Excel error %2, not a value; correct it in the sheet.</source>
        <translation>%1：单元格显示的是 Excel 错误 %2，不是有效内容，请在表格中改正。</translation>
    </message>
    <message>
        <source>%1: the number was stored as a number and lost its last digits in Excel; format the column as text and type it again.</source>
        <translation>%1：该号码在 Excel 中以数字形式保存，末尾几位已丢失；请把该列设为文本格式后重新输入。</translation>
    </message>
    <message>
        <source>%1: no record is named &quot;%2&quot;.</source>
        <translation>%1：没有名为“%2”的记录。</translation>
    </message>
    <message>
        <source>%1: the ledger has no record named &quot;%2&quot; (it can be created during the import).</source>
        <translation>%1：台账中没有名为“%2”的记录（导入时可自动新建）。</translation>
    </message>
    <message>
        <source>%1: several records are named &quot;%2&quot;; rename one of them first.</source>
        <translation>%1：有多条记录名为“%2”，请先为其中一条改名。</translation>
    </message>
    <message>
        <source>The same record as row %1 of the file.</source>
        <translation>与文件第 %1 行是同一条记录。</translation>
    </message>
    <message>
        <source>The ledger already has &quot;%1&quot;.</source>
        <translation>台账中已有“%1”。</translation>
    </message>
    <message>
        <source>The ledger already has &quot;%1&quot;, with the same %2.</source>
        <translation>台账中已有“%1”，%2相同。</translation>
    </message>
    <message>
        <source>The ledger changed since the preview: %1</source>
        <translation>预览之后台账有了改动：%1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 row(s) have errors. Correct them, or choose to import the valid rows only.</source>
        <translation>未导入任何数据：有 %1 行存在错误。请改正后重试，或选择只导入正确的行。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Import errors</source>
        <translation>导入错误</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>仍然导入</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>ImportCli</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>the ledger is open in another copy of the program: %1</source>
        <translation>台账正由本程序的另一个窗口使用：%1</translation>
    </message>
    <message>
        <source>cannot open the ledger: %1</source>
        <translation>无法打开台账：%1</translation>
    </message>
    <message>
        <source>nothing was imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message>
        <source>nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <source>%1: no header row found</source>
        <translation>%1：未找到表头</translation>
    </message>
    <message>
        <source>%1: header in row %2; columns: %3</source>
        <translation>%1：表头在第 %2 行；各列：%3</translation>
    </message>
    <message>
        <source>ignored columns: %1</source>
        <translation>未使用的列：%1</translation>
    </message>
    <message>
        <source>not records (%1): row(s) %2</source>
        <translation>不是记录（%1）：第 %2 行</translation>
    </message>
    <message>
        <source>unchanged: %1 record(s) already hold what the file says; not saved again</source>
        <translation>未变：%1 条记录已与文件内容一致，未重复保存</translation>
    </message>
    <message>
        <source>would skip: %1 (%2 duplicate(s), %3 with errors)</source>
        <translation>将跳过：%1（重复 %2，有错误 %3）</translation>
    </message>
    <message>
        <source>skipped: all %1 row(s), because %2 row(s) have errors and nothing is written while any row has an error</source>
        <translation>已跳过：全部 %1 行，因为有 %2 行存在错误，只要有一行存在错误就不写入任何数据</translation>
    </message>
    <message>
        <source>would skip: all %1 row(s), because %2 row(s) have errors and nothing is written while any row has an error</source>
        <translation>将跳过：全部 %1 行，因为有 %2 行存在错误，只要有一行存在错误就不写入任何数据</translation>
    </message>
    <message>
        <source>duplicate: row %1 is the same as row %2 of the file; would be skipped</source>
        <translation>重复：第 %1 行与文件第 %2 行相同，将跳过</translation>
    </message>
    <message>
        <source>duplicate: row %1 is the same as &quot;%2&quot; in the ledger; would be skipped</source>
        <translation>重复：第 %1 行与台账中的“%2”相同，将跳过</translation>
    </message>
    <message>
        <source>%1 duplicate(s) skipped, not imported: %2 names must be unique</source>
        <translation>%1 条重复行已跳过、未导入：%2名称不能重复</translation>
    </message>
    <message>
        <source>%1 duplicate(s) would be skipped, not imported: %2 names must be unique</source>
        <translation>%1 条重复行将跳过、不导入：%2名称不能重复</translation>
    </message>
    <message>
        <source>created %1 records: %2</source>
        <translation>已新建%1：%2</translation>
    </message>
    <message>
        <source>would create %1 records: %2</source>
        <translation>将新建%1：%2</translation>
    </message>
    <message>
        <source>cannot write the error report %1: %2</source>
        <translation>无法写入错误报告 %1：%2</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation>%1 是文件夹</translation>
    </message>
    <message>
        <source>no errors, so no error report was written (%1)</source>
        <translation>没有错误，未写错误报告（%1）</translation>
    </message>
    <message>
        <source>nothing was imported: %1 row(s) have errors and were left out</source>
        <translation>未导入任何数据：%1 行有错误，已略过</translation>
    </message>
    <message>
        <source>nothing was imported: %1 row(s) have errors (correct them, or add --skip-invalid to import the valid rows only)</source>
        <translation>未导入任何数据：有 %1 行存在错误（请改正后重试，或加上 --skip-invalid 只导入正确的行）</translation>
    </message>
    <message>
        <source>a real import would write nothing: %1 row(s) have errors (correct them, or add --skip-invalid to import the valid rows only)</source>
        <translation>实际导入时不会写入任何数据：有 %1 行存在错误（请改正后重试，或加上 --skip-invalid 只导入正确的行）</translation>
    </message>
    <message>
        <source>a real import would write nothing: %1 row(s) have errors and would be left out</source>
        <translation>实际导入时不会写入任何数据：%1 行有错误，将被略过</translation>
    </message>
    <message>
        <source>--errors %1: the error report is an Excel workbook; give a file name ending in .xlsx</source>
        <translation>--errors %1：错误报告是 Excel 工作簿，请使用以 .xlsx 结尾的文件名</translation>
    </message>
    <message>
        <source>hint: %1 name(s) match no %2 record in the ledger; --create-missing would create them</source>
        <translation>提示：有 %1 个名称在台账的%2中找不到；加上 --create-missing 即可新建</translation>
    </message>
    <message>
        <source>no ledger file at %1</source>
        <translation>找不到台账文件：%1</translation>
    </message>
    <message>
        <source>a new ledger was created at %1</source>
        <translation>已新建台账：%1</translation>
    </message>
    <message>
        <source>--csv FILE must end in .csv</source>
        <translation>--csv 后的文件名须以 .csv 结尾</translation>
    </message>
    <message>
        <source>--xlsx FILE must end in .xlsx</source>
        <translation>--xlsx 后的文件名须以 .xlsx 结尾</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot open the ledger %1: %2</source>
        <translation>无法打开台账 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2 row(s)</source>
        <translation>%1：%2 行</translation>
    </message>
    <message>
        <source>rows read: %1</source>
        <translation>读取行数：%1</translation>
    </message>
    <message>
        <source>imported: %1 (%2 new, %3 updated)</source>
        <translation>已导入：%1（新增 %2，更新 %3）</translation>
    </message>
    <message>
        <source>would import: %1 (%2 new, %3 updated)</source>
        <translation>将导入：%1（新增 %2，更新 %3）</translation>
    </message>
    <message>
        <source>skipped: %1 (%2 duplicate(s), %3 with errors)</source>
        <translation>已跳过：%1（重复 %2，有错误 %3）</translation>
    </message>
    <message>
        <source>duplicate: row %1 is the same as row %2 of the file; skipped</source>
        <translation>重复：第 %1 行与文件第 %2 行相同，已跳过</translation>
    </message>
    <message>
        <source>duplicate: row %1 is the same as &quot;%2&quot; in the ledger; skipped</source>
        <translation>重复：第 %1 行与台账中的“%2”相同，已跳过</translation>
    </message>
    <message>
        <source>added to the list %1: %2</source>
        <translation>已加入词表“%1”：%2</translation>
    </message>
    <message>
        <source>would add to the list %1: %2</source>
        <translation>将加入词表“%1”：%2</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>row %1, %2</source>
        <translation>第 %1 行，%2</translation>
    </message>
    <message>
        <source>error report: %1</source>
        <translation>错误报告：%1</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>a total</source>
        <translation>合计行</translation>
    </message>
    <message>
        <source>the header again</source>
        <translation>重复的表头</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>说明文字</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>1. The file</source>
        <translation>1. 选择文件</translation>
    </message>
    <message>
        <source>Excel or CSV file</source>
        <translation>Excel 或 CSV 文件</translation>
    </message>
    <message>
        <source>Records in it</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Title rows above the header, a 合计 row and blank rows are skipped by themselves.</source>
        <translation>表头上方的标题行、“合计”行和空行会自动跳过。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Goes into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>Read again with this header row</source>
        <translation>按此表头行重新读取</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>The first rows of the sheet (click the header row to choose it):</source>
        <translation>工作表的前几行（单击表头所在的行即可选定）：</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头所在行</translation>
    </message>
    <message>
        <source>2. Columns</source>
        <translation>2. 对应列</translation>
    </message>
    <message>
        <source>Problems, row by row:</source>
        <translation>问题清单（逐行）：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Set every duplicate to:</source>
        <translation>全部重复行设为：</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>重复情况</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Create the institutions and units the file names that are not in the ledger</source>
        <translation>自动新建台账中没有的院校和单位</translation>
    </message>
    <message>
        <source>Import the valid rows only and leave the others out</source>
        <translation>只导入无误的行，其余行不导入</translation>
    </message>
    <message>
        <source>Save the problems as Excel…</source>
        <translation>把问题清单保存为 Excel…</translation>
    </message>
    <message>
        <source>3. Check</source>
        <translation>3. 检查</translation>
    </message>
    <message>
        <source>%1 (hidden)</source>
        <translation>%1（隐藏）</translation>
    </message>
    <message>
        <source>Choose the row that names the columns: click it in the rows below (or type its number in “Header row”), then press “Read again with this header row”.</source>
        <translation>请指定表头行：在下方单击写有列名的那一行（或在“表头所在行”中输入行号），然后点击“按此表头行重新读取”。</translation>
    </message>
    <message>
        <source>No column goes into %1, which is required: choose one under “Goes into”, or choose another header row.</source>
        <translation>必填项“%1”没有对应的列：请在“导入到”中为它选择一列，或改选表头行。</translation>
    </message>
    <message>
        <source>Go back to choose the header row and the columns.</source>
        <translation>请返回上一步，选择表头行和各列的对应关系。</translation>
    </message>
    <message>
        <source>Nothing to import: all %1 rows are duplicates set to Skip. To write some of them, choose another action in the list of duplicates below.</source>
        <translation>没有可导入的行：%1 行全部是重复行，且都设为“跳过”。如需写入其中一些行，请在下方重复行列表中改选其他操作。</translation>
    </message>
    <message>
        <source>Nothing to import: all %1 rows have problems (listed below). Correct them in the file and read it again.</source>
        <translation>没有可导入的行：%1 行全部有问题（见下表）。请在文件中改正后重新读取。</translation>
    </message>
    <message>
        <source>Nothing to import: %1 row(s) are duplicates set to Skip and %2 row(s) have problems.</source>
        <translation>没有可导入的行：%1 行是设为“跳过”的重复行，%2 行有问题。</translation>
    </message>
    <message>
        <source>Nothing can be imported yet: %1 row(s) have problems (listed below). Correct them in the file and read it again, or tick “Import the valid rows only”.</source>
        <translation>暂不能导入：%1 行有问题（见下表）。请在文件中改正后重新读取，或勾选“只导入无误的行”。</translation>
    </message>
    <message>
        <source>The import will write %1 new record(s) and update %2.</source>
        <translation>导入将新增 %1 条记录，更新 %2 条记录。</translation>
    </message>
    <message>
        <source>%1 rows read from the sheet.</source>
        <translation>从工作表中读取了 %1 行。</translation>
    </message>
    <message>
        <source>%1 duplicate row(s) set to Skip will not be written.</source>
        <translation>%1 行重复行设为“跳过”，不会写入。</translation>
    </message>
    <message>
        <source>%1 row(s) with problems will be left out.</source>
        <translation>%1 行有问题，将不导入。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 row(s) with nothing in the imported columns (row %2)</source>
        <translation>%1 行在导入的列中没有内容（第 %2 行）</translation>
    </message>
    <message>
        <source>%1 total row(s) such as 合计 (row %2)</source>
        <translation>%1 行合计行（第 %2 行）</translation>
    </message>
    <message>
        <source>%1 repeated header row(s) (row %2)</source>
        <translation>%1 行重复的表头（第 %2 行）</translation>
    </message>
    <message>
        <source>%1 note row(s) such as 制表人 or 注： (row %2)</source>
        <translation>%1 行说明（制表人、注：等，第 %2 行）</translation>
    </message>
    <message>
        <source>%1 row(s) left out as no records: %2.</source>
        <translation>有 %1 行不是记录，已跳过：%2。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>New %1 records to be created (%2): %3</source>
        <translation>将新建的%1（%2 个）：%3</translation>
    </message>
    <message>
        <source>%1 records not in the ledger (%2): %3. Tick the box below to create them.</source>
        <translation>台账中没有的%1（%2 个）：%3。勾选下方的“自动新建台账中没有的院校和单位”即可随导入一并新建。</translation>
    </message>
    <message>
        <source>New words for the list “%1” (%2): %3</source>
        <translation>将加入“%1”列表的新词（%2 个）：%3</translation>
    </message>
    <message>
        <source>The problem list could not be saved: %1</source>
        <translation>无法保存问题清单：%1</translation>
    </message>
    <message>
        <source>%1 new record(s)</source>
        <translation>新增 %1 条记录</translation>
    </message>
    <message>
        <source>%1 record(s) updated</source>
        <translation>更新 %1 条记录</translation>
    </message>
    <message>
        <source>Written: %1.</source>
        <translation>已写入：%1。</translation>
    </message>
    <message>
        <source>%1 duplicate row(s) set to Skip</source>
        <translation>%1 行设为“跳过”的重复行</translation>
    </message>
    <message>
        <source>%1 row(s) with problems</source>
        <translation>%1 行有问题</translation>
    </message>
    <message>
        <source>%1 row(s) left out: %2.</source>
        <translation>未导入 %1 行：%2。</translation>
    </message>
    <message>
        <source>Created %1 records (%2): %3</source>
        <translation>已新建%1（%2 个）：%3</translation>
    </message>
    <message>
        <source>Added to the list “%1” (%2): %3</source>
        <translation>已加入“%1”列表（%2 个）：%3</translation>
    </message>
    <message>
        <source>Rows that are already in the ledger or twice in the file:</source>
        <translation>台账中已有或文件中重复的行：</translation>
    </message>
    <message>
        <source>4. Done</source>
        <translation>4. 完成</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.xlsm *.xls *.csv);;All files (*)</source>
        <translation>Excel 或 CSV (*.xlsx *.xlsm *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>正在读取并检查文件…</translation>
    </message>
    <message>
        <source>(leave out)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Save the problems</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of this program. Please update it.</source>
        <translation>%1 由更新版本的程序写入，请先升级本程序。</translation>
    </message>
    <message>
        <source>%1 was made by an older version of this program and must be upgraded, but it can only be read here (a read-only file or folder). Copy it to a folder you can write to, or ask for write access, and open it again.</source>
        <translation>%1 是由本程序的旧版本建立的，需要升级，但在这里只能读取（文件或文件夹是只读的）。请把它复制到可以写入的文件夹，或者申请写入权限，然后再打开。</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>This ledger is empty. Load the sample data of the Yanggao report to look around, or start empty?</source>
        <translation>当前台账为空。要载入阳高县报道的示例数据先看看，还是从空白开始？</translation>
    </message>
    <message>
        <source>Sample records are marked and can be removed at once later (File &gt; Remove sample data).</source>
        <translation>示例记录带有标记，以后可一次性删除（文件 &gt; 删除示例数据）。</translation>
    </message>
    <message>
        <source>Load sample data</source>
        <translation>载入示例数据</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>This ledger is open read-only here; nothing can be changed.</source>
        <translation>此台账在这里以只读方式打开，不能修改。</translation>
    </message>
    <message>
        <source>The sample data is already loaded.</source>
        <translation>示例数据已经载入。</translation>
    </message>
    <message>
        <source>%1 sample records loaded.</source>
        <translation>已载入 %1 条示例记录。</translation>
    </message>
    <message>
        <source>Remove sample data</source>
        <translation>删除示例数据</translation>
    </message>
    <message>
        <source>There is no sample data in this ledger.</source>
        <translation>此台账中没有示例数据。</translation>
    </message>
    <message>
        <source>Remove all %1 sample records? Records you entered yourself stay.</source>
        <translation>删除全部 %1 条示例记录？您自己录入的记录会保留。</translation>
    </message>
    <message>
        <source>%1 sample records were kept because records you entered link to them:</source>
        <translation>以下 %1 条示例记录被您录入的记录引用，已保留：</translation>
    </message>
</context>
<context>
    <name>LedgerInfoDialog</name>
    <message>
        <source>Ledger details</source>
        <translation>台账信息</translation>
    </message>
    <message>
        <source>Organisation (填报单位)</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <source>Prepared by (填报人)</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Phone (联系电话)</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>e.g. 中共阳高县委组织部</source>
        <translation>例如：中共阳高县委组织部</translation>
    </message>
    <message>
        <source>Printed at the top and in the sign-off block of every sheet. Kept in the ledger file, so a copy on another PC prints the same.</source>
        <translation>打印在每张报表的表头和落款处。保存在台账文件中，复制到其他电脑也打印相同内容。</translation>
    </message>
    <message>
        <source>This ledger does not yet name its organisation. Every sheet prints it at the top; enter it once here.</source>
        <translation>本台账尚未填写填报单位。每张报表的表头都会打印它，请在此填写一次。</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>Institution kinds</source>
        <translation>院校机构类别</translation>
    </message>
    <message>
        <source>Location classes</source>
        <translation>所在地类别</translation>
    </message>
    <message>
        <source>Relationship stages</source>
        <translation>合作阶段</translation>
    </message>
    <message>
        <source>Unit kinds</source>
        <translation>单位类别</translation>
    </message>
    <message>
        <source>Activity types</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Agreement types</source>
        <translation>协议类型</translation>
    </message>
    <message>
        <source>Agreement statuses</source>
        <translation>协议状态</translation>
    </message>
    <message>
        <source>Cooperation areas</source>
        <translation>合作领域</translation>
    </message>
    <message>
        <source>Base types</source>
        <translation>基地类型</translation>
    </message>
    <message>
        <source>Base statuses</source>
        <translation>基地状态</translation>
    </message>
    <message>
        <source>Industry chains</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Project stages</source>
        <translation>项目阶段</translation>
    </message>
    <message>
        <source>Support items</source>
        <translation>保障事项</translation>
    </message>
    <message>
        <source>Genders</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Degrees</source>
        <translation>学历学位</translation>
    </message>
    <message>
        <source>Academic titles</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Introduction modes</source>
        <translation>引进方式</translation>
    </message>
    <message>
        <source>Achievement types</source>
        <translation>成果类型</translation>
    </message>
    <message>
        <source>Meeting types</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <source>Task statuses</source>
        <translation>督办状态</translation>
    </message>
    <message>
        <source>Ledger report statuses</source>
        <translation>台账报送状态</translation>
    </message>
    <message>
        <source>Assessment indicators</source>
        <translation>考核指标</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Follow-up and assessment</source>
        <translation>督办与考核</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Cooperation Ledger</source>
        <translation>合作台账</translation>
    </message>
    <message>
        <source>Read-only: %1 cannot be changed here (it is open elsewhere, or the file or folder is read-only).</source>
        <translation>只读：此处不能修改 %1（它已在别处打开，或文件、文件夹为只读）。</translation>
    </message>
    <message>
        <source>This is %1&apos;s ledger, set up by the talent office. Keep %1&apos;s records here; the shared lists are read-only. Hand them in with File › Make hand-in package….</source>
        <translation>这是人才办为%1建立的台账。请在这里记录%1的台账，共用名单只读；用“文件 › 生成报送包…”报送。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search the whole ledger</source>
        <translation>搜索全部台账</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Set up a unit&apos;s ledger…</source>
        <translation>为单位建立台账…</translation>
    </message>
    <message>
        <source>Make hand-in package…</source>
        <translation>生成报送包…</translation>
    </message>
    <message>
        <source>Receive hand-in package…</source>
        <translation>接收报送包…</translation>
    </message>
    <message>
        <source>Read-only: you are signed in to view this ledger. Its administrator can let you enter records.</source>
        <translation>只读：您以“查看”身份登录这本台账。如需填报，请联系管理员。</translation>
    </message>
    <message>
        <source>You are signed in for %1: keep %1&apos;s records here, and the talent office sees each save at once. The shared lists and other units&apos; records are read-only.</source>
        <translation>您以%1的身份登录：在这里填报%1的记录，人才办即时可见每次保存。共享名录和其他单位的记录只读。</translation>
    </message>
    <message>
        <source>Connect to server…</source>
        <translation>连接服务器…</translation>
    </message>
    <message>
        <source>Make update for a unit…</source>
        <translation>生成单位更新包…</translation>
    </message>
    <message>
        <source>Receive update from the office…</source>
        <translation>接收人才办更新包…</translation>
    </message>
    <message>
        <source>Load sample data</source>
        <translation>载入示例数据</translation>
    </message>
    <message>
        <source>Remove sample data</source>
        <translation>删除示例数据</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo last save</source>
        <translation>撤销上一次保存</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Category lists…</source>
        <translation>分类词表…</translation>
    </message>
    <message>
        <source>Your name for the change record…</source>
        <translation>设置操作人姓名…</translation>
    </message>
    <message>
        <source>Ledger details for printed sheets…</source>
        <translation>台账信息（报表表头与落款）…</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>User management…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Ledger files (*.sqlite)</source>
        <translation>台账文件 (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists. Use Open database… to open it.</source>
        <translation>%1 已存在。请用“打开数据库…”打开它。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Ledger files (*.sqlite *.db);;All files (*)</source>
        <translation>台账文件 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>A ledger on a server is restored into a new database by its administrator: coop-ledger restore BACKUP.sqlite --db postgresql://…/NEW. Backups of it are made with File › Back up now….</source>
        <translation>服务器上的台账由管理员恢复到一个新数据库：coop-ledger restore 备份.sqlite --db postgresql://…/新库。备份请用 文件 › 立即备份…。</translation>
    </message>
    <message>
        <source>Undone: new %1 %2</source>
        <translation>已撤销：新建 %1 %2</translation>
    </message>
    <message>
        <source>Undone: changes to %1 %2</source>
        <translation>已撤销：修改 %1 %2</translation>
    </message>
    <message>
        <source>Undone: deleting %1 %2</source>
        <translation>已撤销：删除 %1 %2</translation>
    </message>
    <message>
        <source>Undone: %1 %2</source>
        <translation>已撤销：%1 %2</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>• %1 (%2): %3 — %4</source>
        <translation>• %1（%2）：%3 条 — %4</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Your name</source>
        <translation>操作人姓名</translation>
    </message>
    <message>
        <source>Written beside every change you make, in the change log and in each record&apos;s history. Until it is set, changes show “Not set”.</source>
        <translation>您的姓名会记在您做的每一处修改旁边（变更记录和每条记录的修改历史中）。设置之前，修改显示为“未设置”。</translation>
    </message>
    <message>
        <source>e.g. 王海江 (人才办)</source>
        <translation>例如：王海江（人才办）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
</context>
<context>
    <name>Overdue</name>
    <message>
        <source>Overdue follow-up tasks</source>
        <translation>逾期的督办事项</translation>
    </message>
    <message>
        <source>%1 follow-up tasks fell overdue since the program last started:</source>
        <translation>自上次打开本程序以来，有 %1 项督办事项已逾期：</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>No records</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>Cannot write to the printer or file.</source>
        <translation>无法写入打印机或文件。</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>打印日期：%1</translation>
    </message>
    <message>
        <source>Ledger code %1</source>
        <translation>台账校验码：%1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
</context>
<context>
    <name>PostponeDialog</name>
    <message>
        <source>Postpone</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新的完成时限</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Page &amp;P of &amp;N</source>
        <translation>第 &amp;P 页 共 &amp;N 页</translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save Excel</source>
        <translation>保存 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Cannot write %1:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive hand-in package</source>
        <translation>接收报送包</translation>
    </message>
    <message>
        <source>Receive update from the office</source>
        <translation>接收人才办更新包</translation>
    </message>
    <message>
        <source>&lt;b&gt;Update from the talent office&lt;/b&gt; for %1%2, no. %3, sent by %4 at %5.&lt;br&gt;%6 new, %7 changed, %8 deleted; %9 conflict(s) with changes made here.</source>
        <translation>&lt;b&gt;人才办更新包&lt;/b&gt;（%1%2），第%3号，%4 于 %5 发出。&lt;br&gt;新增 %6 条，修改 %7 条，删除 %8 条；与本处修改冲突 %9 处。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, %2, package no. %3, sent by %4 at %5.&lt;br&gt;%6 new, %7 changed, %8 deleted; %9 conflict(s).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，%2，第%3号报送包，%4 于 %5 报送。&lt;br&gt;新增 %6 条，修改 %7 条，删除 %8 条；冲突 %9 处。</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Here now</source>
        <translation>本处现有</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>对方发来</translation>
    </message>
    <message>
        <source>Keep the sender&apos;s values in all conflicts</source>
        <translation>冲突处全部采用对方的</translation>
    </message>
    <message>
        <source>Keep this ledger&apos;s values in all conflicts</source>
        <translation>冲突处全部保留本处的</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>the sender&apos;s</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>this ledger&apos;s</source>
        <translation>本处的</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>Merge into the ledger</source>
        <translation>合并到台账</translation>
    </message>
    <message>
        <source>The ledger is backed up first, and the merge is one step: all of it is written, or none. Each change is recorded in the change log as made by the sender.</source>
        <translation>合并前会先备份台账；合并一步完成：要么全部写入，要么什么都不写。每一处修改都以报送人的名义记入变更记录。</translation>
    </message>
</context>
<context>
    <name>Record</name>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>对接活动</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>对接活动</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>合作协议</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>合作协议</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>合作基地</translation>
    </message>
    <message>
        <source>Bases</source>
        <translation>合作基地</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>合作项目</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>合作项目</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>成果转化</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>成果转化</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <source>Ledger report</source>
        <translation>台账报送</translation>
    </message>
    <message>
        <source>Ledger reports</source>
        <translation>台账报送</translation>
    </message>
    <message>
        <source>Assessment target</source>
        <translation>目标考核</translation>
    </message>
    <message>
        <source>Assessment targets</source>
        <translation>目标考核</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Linked records</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save the changes to this record?</source>
        <translation>保存对这条记录的修改吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The record could not be saved: %1

What you typed is still in the form. Free some disk space or check the file, then save again.</source>
        <translation>记录未能保存：%1

您填写的内容仍在表单中。请腾出磁盘空间或检查文件后再保存。</translation>
    </message>
    <message>
        <source>Deleted meanwhile</source>
        <translation>已被删除</translation>
    </message>
    <message>
        <source>This record was deleted on another PC after you opened it. What you typed is still in the form: copy what you need, or ask for it to be restored from the recycle bin.</source>
        <translation>您打开这条记录后，它已在另一台电脑上被删除。您输入的内容仍在表单中：请复制需要的内容，或请管理员从回收站恢复。</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Date not filled in</source>
        <translation>日期未填</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation>新建记录（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the selected record (double-click)</source>
        <translation>编辑所选记录（双击）</translation>
    </message>
    <message>
        <source>Edit the selected record (Enter)</source>
        <translation>编辑选中的记录（Enter）</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Open the selected record&apos;s dossier page (Enter)</source>
        <translation>打开所选记录的档案页（回车）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected records (Del)</source>
        <translation>删除选中的记录（Del）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Bring records in from an Excel or CSV file</source>
        <translation>从 Excel 或 CSV 文件导入记录</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the rows shown as .xlsx or .csv</source>
        <translation>把当前显示的行保存为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print this table as shown (Ctrl+P)</source>
        <translation>按当前显示打印此表（Ctrl+P）</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>No record matches these filters.</source>
        <translation>没有符合当前筛选条件的记录。</translation>
    </message>
    <message>
        <source>No records yet. Click New to enter one, or Import… to bring them in from Excel.</source>
        <translation>还没有记录。点“新建”录入一条，或点“导入…”从 Excel 导入。</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>View dossier</source>
        <translation>查看档案</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Send %1 back to the unit. What is to be put right?</source>
        <translation>把%1退回给单位。需要改正什么？</translation>
    </message>
    <message>
        <source>Sent back: %1</source>
        <translation>已退回：%1</translation>
    </message>
    <message>
        <source>Saved %1 %2</source>
        <translation>已保存 %1 %2</translation>
    </message>
    <message>
        <source>This is %1&apos;s ledger: records of other units cannot be deleted here.</source>
        <translation>这是%1的台账，不能在这里删除其他单位的记录。</translation>
    </message>
    <message>
        <source>Delete %1 record(s)?</source>
        <translation>删除 %1 条记录？</translation>
    </message>
    <message>
        <source>Deleted %1 %2 to the recycle bin</source>
        <translation>已删除 %1 %2（可在回收站恢复）</translation>
    </message>
    <message>
        <source>Deleted %1 record(s) to the recycle bin</source>
        <translation>已删除 %1 条记录（可在回收站恢复）</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>已把 %1 行写入 %2</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>彻底删除…</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>%1 deleted records</source>
        <translation>共 %1 条已删除记录</translation>
    </message>
    <message>
        <source>Restored %1 record(s)</source>
        <translation>已恢复 %1 条记录</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>Remove %1 record(s) for good? A backup of the ledger is made first.</source>
        <translation>彻底删除 %1 条记录？删除前会先备份台账。</translation>
    </message>
</context>
<context>
    <name>ReportCli</name>
    <message>
        <source>warning: no font for Simplified Chinese is installed, so the sheet&apos;s Chinese characters are drawn as empty boxes. Install one (SimSun comes with Chinese Windows; on Linux: fonts-noto-cjk) and write the sheet again.</source>
        <translation>警告：未安装简体中文字体，报表中的中文会显示为空白方框。请安装中文字体（中文版 Windows 自带宋体；Linux 上安装 fonts-noto-cjk）后重新生成报表。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>第%1季度</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Time span</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>保存 Excel…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Fill a superior&apos;s form…</source>
        <translation>按模板填报…</translation>
    </message>
    <message>
        <source>Sign-off lines</source>
        <translation>落款</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Choose a unit for this sheet.</source>
        <translation>请为此报表选择单位。</translation>
    </message>
    <message>
        <source>The end date is earlier than the start date.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <source>Choose an institution for this sheet.</source>
        <translation>请为此报表选择合作院校。</translation>
    </message>
    <message>
        <source>This ledger names no organisation to print on its sheets: Tools &gt; Ledger details for printed sheets…</source>
        <translation>本台账尚未填写打印在报表上的填报单位：工具 &gt; 台账信息（报表表头与落款）…</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Ledger in use</source>
        <translation>台账正在使用</translation>
    </message>
    <message>
        <source>%1 is open in another copy of the program.</source>
        <translation>%1 已在另一个程序窗口中打开。</translation>
    </message>
    <message>
        <source>Held by %1 on %2 since %3.</source>
        <translation>由 %2 上的 %1 自 %3 起打开。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Network folder</source>
        <translation>网络文件夹</translation>
    </message>
    <message>
        <source>%1 is on a network folder. SQLite files on shared folders can be damaged when two PCs write at once or the connection drops. Keep the ledger on this PC, or ask for the shared server edition.</source>
        <translation>%1 位于网络文件夹。两台电脑同时写入或网络中断时，共享文件夹上的台账文件可能损坏。请把台账放在本机，或使用共享服务器版。</translation>
    </message>
    <message>
        <source>The ledger&apos;s write-ahead log (%1) was damaged, probably when the PC lost power or the disk failed. The %2 saves it held before the damage are in the ledger; the %3 saves after it could not be read.</source>
        <translation>台账的预写日志文件（%1）已损坏，可能是电脑断电或磁盘故障所致。该文件中损坏之前的 %2 次保存已写入台账；损坏之后的 %3 次保存无法读取。</translation>
    </message>
    <message>
        <source>The ledger and its damaged write-ahead log were kept as they were in %1. Check the latest records, and keep that folder for whoever can recover more from it.</source>
        <translation>台账及损坏的预写日志文件已原样保存在 %1。请核对最近录入的记录，并保留该文件夹，以便专业人员尝试恢复更多内容。</translation>
    </message>
    <message>
        <source>Damaged write-ahead log</source>
        <translation>预写日志文件损坏</translation>
    </message>
    <message>
        <source>Damaged ledger</source>
        <translation>台账文件损坏</translation>
    </message>
    <message>
        <source>No good backup was found.</source>
        <translation>没有找到完好的备份。</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before emptying the recycle bin</source>
        <translation>彻底删除前</translation>
    </message>
    <message>
        <source>Upgrading the ledger for this version: building the search index…</source>
        <translation>正在为新版本升级台账：建立搜索索引…</translation>
    </message>
    <message>
        <source>Upgrading</source>
        <translation>正在升级</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 已损坏。</translation>
    </message>
    <message>
        <source>Restore the newest good backup, made %1? The damaged file is kept as %2.</source>
        <translation>是否恢复 %1 生成的最新完好备份？损坏的文件将保留为 %2。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Ledger files (*.sqlite)</source>
        <translation>台账文件 (*.sqlite)</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Verified backup written to %1.</source>
        <translation>已写入并校验备份：%1。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The current ledger is backed up before it is replaced.</source>
        <translation>恢复前会先备份当前台账。</translation>
    </message>
    <message>
        <source>This ledger is open read-only here; restore it from the copy that holds it.</source>
        <translation>此台账在这里以只读方式打开；请在占用它的程序中恢复。</translation>
    </message>
    <message>
        <source>There are no backups of this ledger yet.</source>
        <translation>此台账还没有备份。</translation>
    </message>
    <message>
        <source>The ledger is open in another copy of the program (%1). Close it there first.</source>
        <translation>台账正在另一个程序窗口中使用（%1），请先在那里关闭。</translation>
    </message>
    <message>
        <source>The restore failed: %1</source>
        <translation>恢复失败：%1</translation>
    </message>
    <message>
        <source>%1@%2 (pid %3) since %4</source>
        <translation>%1@%2（进程 %3，自 %4 起）</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>Administrator (talent office)</source>
        <translation>管理员（人才办）</translation>
    </message>
    <message>
        <source>Unit&apos;s clerk</source>
        <translation>单位填报员</translation>
    </message>
    <message>
        <source>Viewer (read only)</source>
        <translation>查看（只读）</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached: check its address and port, the network, and that PostgreSQL runs there.</source>
        <translation>连接不上服务器 %1：请检查地址和端口、网络，以及服务器上的 PostgreSQL 是否在运行。</translation>
    </message>
    <message>
        <source>The server has no ledger (database) named %1.</source>
        <translation>服务器上没有名为 %1 的台账（数据库）。</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>服务器拒绝了：%1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Make update for a unit</source>
        <translation>生成单位更新包</translation>
    </message>
    <message>
        <source>Makes the update for one unit&apos;s ledger: what changed at the office since the last update (units, institutions, category words, the unit&apos;s hand-ins and assessment, corrections to its records). The unit receives it with File › Receive update from the office….</source>
        <translation>为一个单位的台账生成更新包：包含上次更新以来人才办的变化（责任单位、合作院校、分类词，该单位的台账报送和考核，以及对其记录的更正）。该单位用“文件 › 接收人才办更新包…”接收。</translation>
    </message>
    <message>
        <source>Update packages (*.cledger)</source>
        <translation>更新包 (*.cledger)</translation>
    </message>
    <message>
        <source>Make the update</source>
        <translation>生成更新包</translation>
    </message>
    <message>
        <source>Set up a unit&apos;s ledger</source>
        <translation>为单位建立台账</translation>
    </message>
    <message>
        <source>Makes a ledger file for one unit: the shared lists (units, institutions, category words) and the unit&apos;s own records. Give the file to the unit; it opens it with this program on its own PC, keeps its records there and hands them in with File › Make hand-in package….</source>
        <translation>为一个单位生成台账文件：包含共用的名单（责任单位、合作院校、分类词）和该单位自己的记录。把文件交给该单位，在其电脑上用本程序打开、记录台账，并用“文件 › 生成报送包…”报送。</translation>
    </message>
    <message>
        <source>Ledger files (*.sqlite)</source>
        <translation>台账文件 (*.sqlite)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Make the unit&apos;s ledger</source>
        <translation>建立单位台账</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>Year: %1</source>
        <translation>年度：%1</translation>
    </message>
    <message>
        <source>Work summary</source>
        <translation>工作统计表</translation>
    </message>
    <message>
        <source>Institution register</source>
        <translation>合作院校一览表</translation>
    </message>
    <message>
        <source>Institution dossier</source>
        <translation>合作院校档案</translation>
    </message>
    <message>
        <source>Base register</source>
        <translation>合作基地一览表</translation>
    </message>
    <message>
        <source>Project progress</source>
        <translation>合作项目推进表</translation>
    </message>
    <message>
        <source>Talent roster</source>
        <translation>人才花名册</translation>
    </message>
    <message>
        <source>Follow-up task list</source>
        <translation>督办事项清单</translation>
    </message>
    <message>
        <source>Unit ledger</source>
        <translation>单位台账</translation>
    </message>
    <message>
        <source>Assessment score sheet</source>
        <translation>目标责任考核评分表</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>in the period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>up to the period&apos;s end, undated records included</source>
        <translation>截至期末累计（含未填日期的记录）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>number of activities</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Records with no date</source>
        <translation>未填日期的记录</translation>
    </message>
    <message>
        <source>Kinds of base</source>
        <translation>基地类型数</translation>
    </message>
    <message>
        <source>Institutions linked to bases</source>
        <translation>基地合作院校数</translation>
    </message>
    <message>
        <source>Institutions contacted</source>
        <translation>联系院校情况</translation>
    </message>
    <message>
        <source>Institutions by relationship stage</source>
        <translation>院校合作阶段</translation>
    </message>
    <message>
        <source>Agreements by type</source>
        <translation>合作协议（按类型）</translation>
    </message>
    <message>
        <source>Agreements by status</source>
        <translation>合作协议（按状态）</translation>
    </message>
    <message>
        <source>Bases by type</source>
        <translation>合作基地（按类型）</translation>
    </message>
    <message>
        <source>Projects by stage</source>
        <translation>合作项目（按阶段）</translation>
    </message>
    <message>
        <source>Talents by degree</source>
        <translation>人才（按学历学位）</translation>
    </message>
    <message>
        <source>Talents by introduction mode</source>
        <translation>人才（按引进方式）</translation>
    </message>
    <message>
        <source>Researchers working locally (%1)</source>
        <translation>在县开展研究人员（%1）</translation>
    </message>
    <message>
        <source>Activities by type</source>
        <translation>对接活动（按类型）</translation>
    </message>
    <message>
        <source>Achievements by type</source>
        <translation>成果转化（按类型）</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Location class</source>
        <translation>所在地类别</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province/city</source>
        <translation>省市</translation>
    </message>
    <message>
        <source>Relationship stage</source>
        <translation>合作阶段</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>首次联系</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>建立日期</translation>
    </message>
    <message>
        <source>Plaque date</source>
        <translation>授牌日期</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Support items</source>
        <translation>保障事项</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>节点进展</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>学历学位</translation>
    </message>
    <message>
        <source>Academic title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Field of work</source>
        <translation>研究领域</translation>
    </message>
    <message>
        <source>Introduction mode</source>
        <translation>引进方式</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>合作项目</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Outcome figures</source>
        <translation>成效数据</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>效益</translation>
    </message>
    <message>
        <source>Source meeting</source>
        <translation>来源会议</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报送期间</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>应报日期</translation>
    </message>
    <message>
        <source>Submitted date</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Number of institutions</source>
        <translation>院校数</translation>
    </message>
    <message>
        <source>Number of agreements</source>
        <translation>协议数</translation>
    </message>
    <message>
        <source>Number of bases</source>
        <translation>基地数</translation>
    </message>
    <message>
        <source>Linked institutions</source>
        <translation>合作院校数</translation>
    </message>
    <message>
        <source>Number of projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Number of talents</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Number of activities</source>
        <translation>活动次数</translation>
    </message>
    <message>
        <source>Number of achievements</source>
        <translation>成果数</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>对接活动</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>合作协议</translation>
    </message>
    <message>
        <source>Bases</source>
        <translation>合作基地</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>合作项目</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>成果转化</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Follow-up tasks</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <source>Ledger hand-ins</source>
        <translation>台账报送</translation>
    </message>
    <message>
        <source>Assessment targets</source>
        <translation>目标考核</translation>
    </message>
    <message>
        <source>%3 %4 %1</source>
        <translation>%1年%2月%3日</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>Not listed: %1 record(s) with no date, which no period holds (the list page&apos;s filter “Date not filled in” finds them).</source>
        <translation>另有 %1 条记录未填日期，不属于任何期间，未列入本表（列表页的“日期未填”筛选可以找到它们）。</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>%1起</translation>
    </message>
    <message>
        <source>Up to %1</source>
        <translation>截至%1</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Institution dossier: %1</source>
        <translation>合作院校档案：%1</translation>
    </message>
    <message>
        <source>%1 linked records have no date and are not listed for the period.</source>
        <translation>另有 %1 条关联记录未填日期，未列入本期。</translation>
    </message>
    <message>
        <source>The unit&apos;s records</source>
        <translation>本单位台账情况</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>%1 institutions in all</source>
        <translation>共 %1 所</translation>
    </message>
    <message>
        <source>%1 bases in all</source>
        <translation>共 %1 个</translation>
    </message>
    <message>
        <source>%1 projects in all</source>
        <translation>共 %1 项</translation>
    </message>
    <message>
        <source>%1 talents in all</source>
        <translation>共 %1 人</translation>
    </message>
    <message>
        <source>%1 tasks in all</source>
        <translation>共 %1 项</translation>
    </message>
    <message>
        <source>Including %1 item(s) due before the period and not yet done</source>
        <translation>含此前到期、尚未办结事项 %1 项</translation>
    </message>
    <message>
        <source>Overdue items are marked</source>
        <translation>标★者为逾期事项</translation>
    </message>
    <message>
        <source>Hand-ins not made by their due date (逾期未报) are marked</source>
        <translation>标★者为逾期未报</translation>
    </message>
    <message>
        <source>Overdue as of %1: %2</source>
        <translation>截至%1逾期：%2 项</translation>
    </message>
    <message>
        <source>Actual entered by hand</source>
        <translation>实际值为人工填写</translation>
    </message>
    <message>
        <source>Total scores by unit</source>
        <translation>各单位得分汇总</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1年度</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Activities, this period</source>
        <translation>本期次数</translation>
    </message>
    <message>
        <source>Participants, this period</source>
        <translation>本期参加人数</translation>
    </message>
    <message>
        <source>Activities, cumulative</source>
        <translation>累计次数</translation>
    </message>
    <message>
        <source>Participants, cumulative</source>
        <translation>累计参加人数</translation>
    </message>
    <message>
        <source>Records with no date: %1, counted in the cumulative column only.</source>
        <translation>%1 条记录未填日期，已计入累计。</translation>
    </message>
    <message>
        <source>Kinds of base: %1 this period, %2 cumulative.</source>
        <translation>基地类型数：本期 %1 类，累计 %2 类。</translation>
    </message>
    <message>
        <source>Institutions linked to bases (each counted once): %1 this period, %2 cumulative.</source>
        <translation>基地合作院校数（去重）：本期 %1 所，累计 %2 所。</translation>
    </message>
    <message>
        <source>Reporting unit (seal)</source>
        <translation>填报单位（盖章）</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Date filled in</source>
        <translation>填报日期</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Open the ledger your office keeps on its PostgreSQL server. Ask its administrator for the server&apos;s name and your user name and password.</source>
        <translation>打开本单位保存在 PostgreSQL 服务器上的台账。服务器地址、用户名和密码请向管理员索取。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Ledger (database)</source>
        <translation>台账（数据库）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
</context>
<context>
    <name>StatusNotice</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Fill a superior&apos;s form</source>
        <translation>按模板填报</translation>
    </message>
    <message>
        <source>Choose a form…</source>
        <translation>选择表格…</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>占位名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>填入的值</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>保存 Excel…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Choose a form</source>
        <translation>选择表格</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>%1 placeholders name no figure: nothing can be filled until they do.</source>
        <translation>有 %1 个占位名称不对应任何数据：改正之前无法填报。</translation>
    </message>
    <message>
        <source>Choose the form your superiors sent (.xlsx).</source>
        <translation>请选择上级下发的表格（.xlsx）。</translation>
    </message>
    <message>
        <source>%1 placeholders filled.</source>
        <translation>已填入 %1 处。</translation>
    </message>
    <message>
        <source>%1 formula cells cannot be worked out here and print empty: %2. Excel or WPS work them out when the saved workbook is opened.</source>
        <translation>有 %1 个公式单元格本程序无法计算，打印时留空：%2。保存后用 Excel 或 WPS 打开即可算出。</translation>
    </message>
    <message>
        <source>%1 chart(s) are kept in the saved workbook but not drawn in the preview or PDF.</source>
        <translation>表格中的 %1 个图表会保留在保存的工作簿中，但不会出现在预览和 PDF 里。</translation>
    </message>
    <message>
        <source>Unknown; nearest: %1</source>
        <translation>未知名称；相近的有：%1</translation>
    </message>
    <message>
        <source>Excel workbooks with macros (*.xlsm)</source>
        <translation>启用宏的 Excel 工作簿 (*.xlsm)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save Excel</source>
        <translation>保存 Excel</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TokenPicker</name>
    <message>
        <source>Type a name or short name to add…</source>
        <translation>输入名称或简称添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>View dossier</source>
        <translation>查看档案</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>as the change log shows it, e.g. 王海江</source>
        <translation>修改记录中显示的姓名，如 王海江</translation>
    </message>
    <message>
        <source>Signs in as</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UserManagementDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Signs in as</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>%1 的新密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>%1 will no longer open this ledger. Their saves stay in the change log.</source>
        <translation>%1 将不能再打开这本台账。其保存记录仍留在修改记录中。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>%1 is required.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; already exists.</source>
        <translation>%1“%2”已存在。</translation>
    </message>
    <message>
        <source>%1 cannot be below %2.</source>
        <translation>%1不能小于 %2。</translation>
    </message>
    <message>
        <source>This is %1&apos;s ledger: this list is kept by the talent office and read here.</source>
        <translation>这是%1的台账：这份名单由人才办维护，这里只能查看。</translation>
    </message>
    <message>
        <source>This is %1&apos;s ledger: it keeps %1&apos;s records only; the others hand in their own.</source>
        <translation>这是%1的台账，只记录%1的记录；其他单位的记录由其自行报送。</translation>
    </message>
    <message>
        <source>You write for %1: this list is kept by the talent office and read here.</source>
        <translation>您为%1填报：此名录由人才办维护，这里只能查看。</translation>
    </message>
    <message>
        <source>You write for %1: you change %1&apos;s records only.</source>
        <translation>您为%1填报：只能修改%1的记录。</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1必须是数字。</translation>
    </message>
    <message>
        <source>%1 is too large a number.</source>
        <translation>%1数值过大。</translation>
    </message>
    <message>
        <source>%1 must be a date like 2023-09-04.</source>
        <translation>%1必须是日期，例如 2023-09-04。</translation>
    </message>
    <message>
        <source>%1 is earlier than %2.</source>
        <translation>%1早于%2。</translation>
    </message>
    <message>
        <source>%1: no record is named &quot;%2&quot;.</source>
        <translation>%1：没有名为“%2”的记录。</translation>
    </message>
    <message>
        <source>%1: the linked record no longer exists.</source>
        <translation>%1：关联的记录已不存在。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1超过 %2 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be deleted because other records depend on it:</source>
        <translation>“%1”不能删除，因为下列记录引用了它：</translation>
    </message>
    <message>
        <source>%1: %2 is not a phone number (a mobile has 11 digits starting with 1, a landline looks like 0352-6012345).</source>
        <translation>%1：%2 不是电话号码（手机号为 1 开头的 11 位数字，座机形如 0352-6012345）。</translation>
    </message>
    <message>
        <source>%1: %2 is not an e-mail address (it looks like name@example.cn).</source>
        <translation>%1：%2 不是电子邮箱地址（形如 name@example.cn）。</translation>
    </message>
    <message>
        <source>%1 must have 18 characters (or 15 digits for an old card); it has %2.</source>
        <translation>%1应为 18 位（一代证为 15 位数字），现为 %2 位。</translation>
    </message>
    <message>
        <source>%1 may hold only digits, with X as the last character.</source>
        <translation>%1只能由数字组成，末位可以是 X。</translation>
    </message>
    <message>
        <source>%1: the date of birth in it (characters 7 to 14, %2) is not a real date.</source>
        <translation>%1：其中的出生日期（第 7 至 14 位，%2）不是有效日期。</translation>
    </message>
    <message>
        <source>%1: the last character should be %2 for the first 17 (check the number).</source>
        <translation>%1：按前 17 位，末位校验码应为 %2，请核对号码。</translation>
    </message>
</context>
<context>
    <name>_PathRow</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
</TS>
