/**
 * For tests (never loaded by the browser): clipboard HTML as Word and Excel put it there,
 * cut down from a real copy (Word for Microsoft 365 and Excel 2016 on Windows): the
 * Office namespaces, "mso-" styles, <o:p>, conditional comments, list paragraphs with their
 * bullets as text, an image in VML and as <img>, and Excel's bold through a class.
 */

export const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!--
p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}
p.MsoListParagraphCxSpFirst {margin-left:36.0pt;}
--></style><!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026"/></xml><![endif]--></head>
<body lang=EN-GB link="#0563C1" style='tab-interval:36.0pt'>
<!--StartFragment-->
<p class=MsoNormal><b><span style='font-size:12.0pt;color:#1F3864'>Capital programme 2026/27<o:p></o:p></span></b></p>
<p class=MsoNormal>Spend is on <i>track</i>; see the <a href="https://www.northfield.example/capital">capital plan</a>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Kitchens and bathrooms<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Fire doors<o:p></o:p></p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Picture_x0020_1" style='width:120pt;height:40pt'><v:imagedata src="file:///C:/Users/tom/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title="logo"/></v:shape><![endif]--><![if !vml]><img width=160 height=53 src="file:///C:/Users/tom/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" alt=logo v:shapes="Picture_x0020_1"><![endif]><o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Contractor<o:p></o:p></b></p></td>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Spend<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal>Dŵr Cymru<o:p></o:p></p></td>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal align=right style='text-align:right'>£2.4m<o:p></o:p></p></td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal>Łódź Windows Ltd<o:p></o:p></p></td>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal align=right style='text-align:right'>£310,000<o:p></o:p></p></td>
 </tr>
</table>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<!--EndFragment-->
</body>
</html>`;

export const EXCEL_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15">
<style>
<!--table {mso-displayed-decimal-separator:"\\.";}
.xl65 {mso-style-parent:style0; font-weight:700; font-family:Calibri, sans-serif;}
.xl66 {mso-style-parent:style0; mso-number-format:"\\0022£\\0022\\#\\,\\#\\#0";}
-->
</style></head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=256 style='border-collapse:collapse;width:192pt'>
<!--StartFragment-->
 <col width=128 span=2 style='width:96pt'>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl65 width=128 style='height:15.0pt;width:96pt'>Scheme</td>
  <td class=xl65 width=128 style='width:96pt'>Units</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 style='height:15.0pt'>Tŷ Newydd</td>
  <td align=right x:num>48</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 colspan=2 style='height:15.0pt;mso-ignore:colspan'>Total cost £2.4m</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>`;
