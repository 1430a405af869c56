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
    <name>DateEditor</name>
    <message>
        <source>Clear the date</source>
        <translation>清除日期</translation>
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
        <source>Cannot open %1:
%2</source>
        <translation>无法打开 %1：
%2</translation>
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
</context>
<context>
    <name>LinksEditor</name>
    <message>
        <source>Type a name to add…</source>
        <translation>输入名称以添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
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
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
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
        <source>Your name</source>
        <translation>操作人姓名</translation>
    </message>
    <message>
        <source>Name written beside every change you make:</source>
        <translation>记录在您每次修改旁边的姓名：</translation>
    </message>
    <message>
        <source>Cooperation Ledger keeps a county&apos;s ledger of cooperation with universities and research institutes.</source>
        <translation>合作台账用于记录县域与高校、科研院所合作的各项工作。</translation>
    </message>
</context>
<context>
    <name>Record</name>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>对接活动</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>合作协议</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>合作基地</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>合作项目</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>成果转化</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <source>Ledger report</source>
        <translation>台账报送</translation>
    </message>
    <message>
        <source>Assessment target</source>
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
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>Edit the selected record (Enter)</source>
        <translation>编辑选中的记录（Enter）</translation>
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
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Delete %1 record(s)?</source>
        <translation>删除 %1 条记录？</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>• %1 (%2): %3 — %4</source>
        <translation>• %1（%2）：%3 条 — %4</translation>
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
        <source>%1 must be a number.</source>
        <translation>%1必须是数字。</translation>
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
</context>
</TS>
