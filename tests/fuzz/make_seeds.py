#!/usr/bin/env python3
"""Writes the seed corpora in tests/fuzz/corpus/. Every seed is made up here
(invented bodies, invented figures); none is taken from a real report.
Run it again after editing; it only (re)writes the files named below and
never deletes others (inputs that once crashed are kept beside the seeds)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def put(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


LEGACY = """东林市2016年政府信息公开工作年度报告

  一、概述
  2016年，东林市共主动公开政府信息12345条，其中主动公开规范性文件86条。
  二、依申请公开情况
  全年共受理政府信息公开申请236件，同比增长12.5%，其中当面申请41件、网络申请180件、信函申请15件。已办结230件，按时办结率100%。
  三、收费及减免情况
  全年未收取任何费用。
  四、行政复议、行政诉讼情况
  因政府信息公开引起行政复议3件，行政诉讼1件。
  五、存在的主要问题及改进情况
  （一）公开内容还不够全面。
  六、其他需要报告的事项
  无。
"""

F2021_PIPES = """# 南山县人民政府2022年政府信息公开工作年度报告

## 一、总体情况
全年主动公开政府信息1,024条，约占总量的三成；收到申请二十五件。

## 二、主动公开政府信息情况
| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 5 | 1 | 33 |

## 三、收到和处理政府信息公开申请情况
| 一、本年新收政府信息公开申请数量 | | | 20 | 3 | 0 | 1 | 1 | 0 | 25 |
| 二、上年结转政府信息公开申请数量 | | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 四、结转下年度继续办理 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

## 四、政府信息公开行政复议、行政诉讼情况
| 行政复议 | | | | | 行政诉讼 |
| 维持 | 纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |
| 1 | 0 | 0 | 0 | 1 | 0 |

## 五、存在的主要问题及改进情况
## 六、其他需要报告的事项
本年度收取信息处理费0元。
"""

CELL_PER_LINE = """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
申请人情况
自然人
法人或其他组织
总计
商业企业
科研机构
社会公益组织
法律服务机构
其他
一、本年新收政府信息公开申请数量
7
1
0
0
0
0
8
二、上年结转政府信息公开申请数量
0
0
0
0
0
0
0
"""

FLAT_2019 = """四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
2 0 1 0 3 0 0 0 0 0 0 0 0 0 0 0
"""

TRADITIONAL = """西河區人民政府2020年政府資訊公開工作年度報告
一、總體情況
全年主動公開政府資訊三千二百條，受理依申請公開檔案十二件。
二、主動公開政府資訊情況
規範性檔案 3 0 15
"""

MARKDOWN_MIXED = """**北岭区2023年政府信息公开工作年度报告**

> 来源：北岭区政府办公室　发布时间：2024-01-15

1. 全年主动公开政府信息２３４５条（全角数字）。
2. 新收申请①件，办结②件。
3. 收取费用0.00万元；培训120人次；同比下降3个百分点；增长约5.5%。

|  |  |
|--|--|
| 空 | |
"""

put("fuzz_parse_text", "legacy.txt", LEGACY)
put("fuzz_parse_text", "f2021_pipes.md", F2021_PIPES)
put("fuzz_parse_text", "cell_per_line.txt", CELL_PER_LINE)
put("fuzz_parse_text", "flat_2019.txt", FLAT_2019)
put("fuzz_parse_text", "traditional.txt", TRADITIONAL)
put("fuzz_parse_text", "markdown_mixed.md", MARKDOWN_MIXED)
put("fuzz_parse_text", "gbk.txt", LEGACY.encode("gbk"))
put("fuzz_parse_text", "gbk_truncated.txt", LEGACY.encode("gbk")[:-3] + "文".encode("gbk")[:1])
put("fuzz_parse_text", "gb18030_rare.txt", ("一、总体情况\n共公开𠀀条信息123条。\n").encode("gb18030"))
put("fuzz_parse_text", "big5.txt", TRADITIONAL.encode("big5", errors="replace"))
put("fuzz_parse_text", "utf16le_bom.txt", b"\xff\xfe" + FLAT_2019.encode("utf-16-le"))
put("fuzz_parse_text", "utf16be_bom.txt", b"\xfe\xff" + FLAT_2019.encode("utf-16-be"))
put("fuzz_parse_text", "utf16le_nobom.txt", LEGACY[:200].encode("utf-16-le"))
put("fuzz_parse_text", "utf8_bom.txt", b"\xef\xbb\xbf" + LEGACY[:300].encode("utf-8"))
put("fuzz_parse_text", "invalid_utf8_middle.txt", LEGACY[:100].encode() + b"\xc3\x28\xff\xfe" + LEGACY[100:200].encode())
put("fuzz_parse_text", "nul_bytes.txt", b"\x00\x00abc\x00" + "一、总体情况".encode())
put("fuzz_parse_text", "empty.txt", b"")
put("fuzz_parse_text", "whitespace.txt", " \t\r\n\u3000\u00a0\n".encode())
put("fuzz_parse_text", "crlf.txt", LEGACY[:400].replace("\n", "\r\n"))
put("fuzz_parse_text", "digits.txt", "共公开" + "9" * 3000 + "条。\n")
put("fuzz_parse_text", "headings_only.txt", "一、\n二、\n（一）\n1.\n①\n" * 20)

HTML_TABLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>东河区2021年政府信息公开工作年度报告</title></head>
<body><div class="nav">首页 &gt; 政务公开</div><div id="content">
<h1>东河区2021年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>全年主动公开政府信息&nbsp;1200&nbsp;条，同比增长3.2%。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1"><tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>10</td><td>2</td><td>0</td><td>0</td><td>0</td><td>1</td><td>13</td></tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table><tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
</div><div class="footer">版权所有 东河区人民政府 电话：0123-1234567</div>
<script>var x = "<td>99</td>";</script><style>td{color:red}</style></body></html>
"""

HTML_GBK = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
<body><p>一、总体情况</p><p>本年度共收到政府信息公开申请五十件。</p>
<table><tr><td>行政规范性文件</td><td>4</td><td>0</td><td>20</td></tr></table></body></html>
"""

HTML_BROKEN = """<html><body><table><tr><td rowspan=0 colspan=1000>申请<td>12<tr><td rowspan="-3">x</td><td colspan="abc">7</table>
<p>二、主动公开<b>政府<i>信息</b>情况</i><table><table><td>1<td>2</p><!-- 注释 <td>3</td> -->&#x4E00;&#19968;&bogus;&#0;&#xD800;
<img src="table4.png" alt="表四">四、政府信息公开行政复议、行政诉讼情况（见下图）
"""

put("fuzz_parse_html", "tables.html", HTML_TABLE)
put("fuzz_parse_html", "gbk_meta.html", HTML_GBK.encode("gbk"))
put("fuzz_parse_html", "broken.html", HTML_BROKEN)
put("fuzz_parse_html", "nested.html", "<div>" * 3000 + "一、总体情况 共12件" + "</div>" * 3000)
put("fuzz_parse_html", "nested_tables.html", "<table><tr><td>" * 200 + "5" + "</td></tr></table>" * 200)
put("fuzz_parse_html", "text_only.html", "<p>" + LEGACY.replace("\n", "</p><p>") + "</p>")
put("fuzz_parse_html", "empty.html", b"")
put("fuzz_parse_html", "utf16.html", b"\xff\xfe" + HTML_GBK.replace("gb2312", "utf-16").encode("utf-16-le"))
put("fuzz_parse_html", "pre.html", "<pre>" + FLAT_2019 + "</pre><br><br/>" + "<p>&nbsp;</p>" * 10)

NUMBERS = [
    ("plain.txt", "1200条"),
    ("wan.txt", "24.8万条"),
    ("yiwan.txt", "1.2亿元，0.35万元"),
    ("percent.txt", "同比增长3.5%，下降2个百分点，占比12.50％"),
    ("chinese.txt", "一百二十三件，三千零五条，两万人次，十一个"),
    ("approx.txt", "约500人次，近300件，超过1000条，不足10件，1000余条，逾百件"),
    ("fullwidth.txt", "１２３件，４５．６万元"),
    ("comma.txt", "1,234,567条，12，345件"),
    ("date.txt", "2023年1月1日至2023年12月31日，2024-01-15 09:30"),
    ("docno.txt", "国办公开办函〔2021〕30号，豫政〔2023〕12号"),
    ("phone.txt", "电话：0373-1234567，邮编：453000，传真0373—7654321"),
    ("url.txt", "网址www.example.gov.cn/a/2023/123.html，邮箱abc123@example.gov.cn"),
    ("circled.txt", "①12件②3件⑴5件"),
    ("ordinal.txt", "第二十条第（一）项，第3次会议，第一季度"),
    ("zero.txt", "0件，零件，〇条，无"),
    ("negative.txt", "减少-8件，增长−3.5%"),
    ("long_digits.txt", "1" * 500 + "件"),
    ("long_decimal.txt", "0." + "0" * 300 + "1万元"),
    ("many_dots.txt", "1.2.3.4.5件，..1件，1..件"),
    ("mixed_units.txt", "3次5篇7个9人10人次11万元12元13件14条15项"),
    ("ranges.txt", "3至5件，10-20条，第1-3项"),
    ("fraction.txt", "三分之一，百分之五十，千分之三"),
    ("traditional.txt", "一萬兩千件，參佰條"),
]
for name, text in NUMBERS:
    put("fuzz_numbers", name, text)

# fuzz_capi: the first byte picks options and calls (see fuzz_capi.cpp), the
# rest is a report.
CAPI = [
    ("detect_legacy", 0x00, LEGACY),
    ("text_nochecks", 0x09, LEGACY),
    ("markdown", 0x02, F2021_PIPES),
    ("html", 0x03, HTML_TABLE),
    ("bad_kind", 0x05, LEGACY),
    ("kind_99", 0x06, "x"),
    ("bad_version", 0x11, LEGACY),
    ("null_options", 0x10, F2021_PIPES),
    ("too_large", 0x21, LEGACY),
    ("null_error", 0x40, FLAT_2019),
    ("error_paths", 0x80, LEGACY),
    ("error_paths_html", 0x83, HTML_TABLE),
    ("error_paths_empty", 0x80, ""),
    ("json_flags", 0xE1, CELL_PER_LINE),
    ("gbk", 0x01, LEGACY.encode("gbk")),
    ("utf16", 0x00, b"\xff\xfe" + FLAT_2019.encode("utf-16-le")),
    ("whitespace", 0x80, "  \n\t"),
    ("nul", 0x81, b"\x00" * 16),
]
for name, ctl, body in CAPI:
    if isinstance(body, str):
        body = body.encode("utf-8")
    put("fuzz_capi", name + ".bin", bytes([ctl]) + body)
