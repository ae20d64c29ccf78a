/* Material for MkDocs 9.8.1, partials/javascripts/base.html, moved out of the page for the CSP.
   The scope (the site's base URL) comes from the script element's data attribute. */
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
/* Ours: mark the page as scripted before it is drawn, so that the timeline filters take their
   place at once instead of pushing the events down when Material's bundle removes "no-js". */
document.documentElement.classList.add("ex-js");
/* Ours: Material's instant navigation makes every relative href absolute on load by assigning
   it again; for a stylesheet that makes the browser apply it anew and restyle the whole page,
   which blocked a phone's main thread for 0.1-0.2 s on the long pages (bench/lighthouse.py).
   The stylesheets above this script are made absolute now, before the body exists, and
   Material then leaves them alone. */
__ex_absolute=e=>{var v=e.getAttribute("href");v&&!/^(?:[a-z]+:)?\/\//i.test(v)&&e.setAttribute("href",e.href)}
document.querySelectorAll("link[rel~='stylesheet'][href]").forEach(__ex_absolute);
/* Ours: the same assignment on every link of a long page (2,200 on the timeline) came after the
   page was laid out, so the browser restyled and laid out the page again inside Material's
   start-up (about 0.1 s of blocked time on a phone; bench/lighthouse.py). Links are made
   absolute here as the parser adds them, before they are styled, and Material then finds
   nothing to assign. Only on load; pages reached by instant navigation are Material's. */
location.protocol!=="file:"&&(function(){function added(ms){for(var i=0;i<ms.length;i++)for(var n=ms[i].addedNodes,j=0;j<n.length;j++){var e=n[j];if(e.nodeType===1){e.tagName==="A"&&__ex_absolute(e);if(e.firstElementChild)for(var l=e.getElementsByTagName("a"),k=0;k<l.length;k++)__ex_absolute(l[k])}}}
var o=new MutationObserver(added);o.observe(document.documentElement,{childList:true,subtree:true});document.addEventListener("DOMContentLoaded",function(){added(o.takeRecords());o.disconnect()})})();
